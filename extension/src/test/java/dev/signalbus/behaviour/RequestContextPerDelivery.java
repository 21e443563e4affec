package dev.signalbus.behaviour;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * Every delivery runs in a request context of its own, destroyed when the delivery ends: two request-scoped
 * arguments of one delivery are one instance, two deliveries never share one, and each instance is destroyed.
 */
public class RequestContextPerDelivery extends Behaviour {

    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final AtomicInteger DESTROYED = new AtomicInteger();

    @Override
    public void run(Container app) {
        RequestScopes.publishThreeAndCheck(app.select(SignalBus.class), SEEN, DESTROYED);
    }

    @RequestScoped
    public static class RequestData {
        private final String id = UUID.randomUUID().toString();

        String id() {
            return id;
        }

        @PreDestroy
        void destroy() {
            DESTROYED.incrementAndGet();
        }
    }

    @ApplicationScoped
    public static class Subscriber {
        void receive(@Subscribes("requests") Integer request, RequestData data, RequestData again) {
            SEEN.add(data.id());
            SEEN.add(again.id());
        }
    }
}
