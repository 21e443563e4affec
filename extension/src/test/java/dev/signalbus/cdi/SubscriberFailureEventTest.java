package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalBus;
import dev.signalbus.SignalFailure;
import dev.signalbus.Subscribes;

/**
 * A failing subscriber is fired as a SignalFailure carrying topic, method and signal, on the
 * delivering thread, and the next signals are still delivered.
 */
class SubscriberFailureEventTest {

    static final List<SignalFailure> FAILURES = new CopyOnWriteArrayList<>();
    static final List<String> FAILURE_THREADS = new CopyOnWriteArrayList<>();
    static final List<String> DELIVERY_THREADS = new CopyOnWriteArrayList<>();
    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    @Test
    void failureEventDescribesTheFailedDelivery() {
        try (WeldContainer container = Cdi.boot(Mailer.class, FailureObserver.class)) {
            SignalBus bus = container.select(SignalBus.class).get();
            bus.publish("orders", "broken");
            bus.publish("orders", "fine");
            await().atMost(Duration.ofSeconds(10)).until(() -> FAILURES.size() == 1 && RECEIVED.size() == 2);
        }
        SignalFailure failure = FAILURES.get(0);
        assertThat(failure.topic()).isEqualTo("orders");
        assertThat(failure.target()).isEqualTo(Mailer.class.getName() + "#send");
        assertThat(failure.signal()).isEqualTo("broken");
        assertThat(failure.failure()).isInstanceOf(IllegalArgumentException.class).hasMessage("cannot mail broken");
        assertThat(FAILURE_THREADS.get(0)).isEqualTo(DELIVERY_THREADS.get(0)).startsWith("signal-bus-");
    }

    @ApplicationScoped
    static class Mailer {
        void send(@Subscribes("orders") String order) {
            RECEIVED.add(order);
            DELIVERY_THREADS.add(Thread.currentThread().getName());
            if (order.equals("broken")) {
                throw new IllegalArgumentException("cannot mail " + order);
            }
        }
    }

    @ApplicationScoped
    static class FailureObserver {
        void onFailure(@Observes SignalFailure failure) {
            FAILURE_THREADS.add(Thread.currentThread().getName());
            FAILURES.add(failure);
        }
    }
}
