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
 * A signal of the wrong type, published programmatically where deployment validation cannot see
 * it, is a SignalFailure naming the subscriber; the subscriber is never called with it.
 */
class RuntimeTypeMismatchTest {

    static final List<SignalFailure> FAILURES = new CopyOnWriteArrayList<>();
    static final List<Object> RECEIVED = new CopyOnWriteArrayList<>();

    @Test
    void wrongSignalTypeIsReportedNotDelivered() {
        try (WeldContainer container = Cdi.boot(Subscriber.class, FailureObserver.class)) {
            SignalBus bus = container.select(SignalBus.class).get();
            bus.publish("names", 42);
            bus.publish("names", "Ada");
            await().atMost(Duration.ofSeconds(10)).until(() -> FAILURES.size() == 1 && RECEIVED.size() == 1);
        }
        assertThat(RECEIVED).containsExactly("Ada");
        SignalFailure failure = FAILURES.get(0);
        assertThat(failure.topic()).isEqualTo("names");
        assertThat(failure.target()).isEqualTo(Subscriber.class.getName() + "#greet");
        assertThat(failure.signal()).isEqualTo(42);
        assertThat(failure.failure()).hasMessageContaining("java.lang.Integer");
    }

    @ApplicationScoped
    static class Subscriber {
        void greet(@Subscribes("names") String name) {
            RECEIVED.add(name);
        }
    }

    @ApplicationScoped
    static class FailureObserver {
        void onFailure(@Observes SignalFailure failure) {
            FAILURES.add(failure);
        }
    }
}
