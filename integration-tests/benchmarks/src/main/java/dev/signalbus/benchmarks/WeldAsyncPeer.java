package dev.signalbus.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.event.ObservesAsync;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * CDI 4.1 asynchronous events on Weld SE: {@code Event.fireAsync} to {@code @ObservesAsync} methods
 * of {@code @ApplicationScoped} beans, on our pool of {@code threads} (Weld's default notification
 * mode: one task per event that notifies the observers in turn).
 */
final class WeldAsyncPeer implements Peer {

    /** Observer beans cannot be handed a callback: they read it here (a new container per peer). */
    static volatile Delivery delivery;

    private static final List<Class<?>> OBSERVERS = List.of(Observer0.class, Observer1.class, Observer2.class,
            Observer3.class);

    private final ExecutorService pool;
    private final WeldContainer container;
    private final Event<Payload> event;
    private final NotificationOptions options;

    WeldAsyncPeer(int subscribers, int threads, Delivery delivery) {
        if (subscribers > OBSERVERS.size()) {
            throw new IllegalArgumentException("weld-async has " + OBSERVERS.size() + " observer classes, not "
                    + subscribers);
        }
        WeldAsyncPeer.delivery = delivery;
        pool = Pools.fixed("weld-async", threads);
        List<Class<?>> beans = new ArrayList<>(OBSERVERS.subList(0, subscribers));
        container = new Weld("weld-async-" + UUID.randomUUID()).disableDiscovery()
                .addBeanClasses(beans.toArray(new Class<?>[0])).initialize();
        event = container.getBeanManager().getEvent().select(Payload.class);
        options = NotificationOptions.ofExecutor(pool);
    }

    @Override
    public void publish(Payload payload) {
        event.fireAsync(payload, options);
    }

    @Override
    public void close() {
        container.close();
        Pools.stop(pool);
    }

    @ApplicationScoped
    static class Observer0 {
        void on(@ObservesAsync Payload payload) {
            delivery.delivered(0, payload);
        }
    }

    @ApplicationScoped
    static class Observer1 {
        void on(@ObservesAsync Payload payload) {
            delivery.delivered(1, payload);
        }
    }

    @ApplicationScoped
    static class Observer2 {
        void on(@ObservesAsync Payload payload) {
            delivery.delivered(2, payload);
        }
    }

    @ApplicationScoped
    static class Observer3 {
        void on(@ObservesAsync Payload payload) {
            delivery.delivered(3, payload);
        }
    }
}
