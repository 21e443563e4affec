package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.SignalBus;
import dev.signalbus.SignalFailure;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A failing subscriber is reported as a {@link SignalFailure} CDI event and does not delay the topic's other
 * subscriber; a signal of the wrong type met at run time is a failure too, never a silent ClassCastException.
 */
public class SignalFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Subscribers.class, FailureLog.class));

    @Inject
    SignalBus bus;

    @Inject
    Subscribers subscribers;

    @Inject
    FailureLog failures;

    @Test
    void failuresAreFiredAsEvents() {
        bus.publish("payments", "p-1");
        bus.publish("payments", 42);
        await().atMost(Duration.ofSeconds(10)).until(() -> failures.seen().size() >= 3);
        assertThat(bus.awaitIdle(Duration.ofSeconds(5))).isTrue();

        String failing = Subscribers.class.getName() + "#failing";
        String healthy = Subscribers.class.getName() + "#healthy";
        assertThat(failures.seen()).anySatisfy(f -> {
            assertThat(f.topic()).isEqualTo("payments");
            assertThat(f.target()).isEqualTo(failing);
            assertThat(f.signal()).isEqualTo("p-1");
            assertThat(f.failure()).isInstanceOf(IllegalStateException.class).hasMessage("declined p-1");
        });
        // 42 is not a String: both subscribers report it instead of throwing ClassCastException in a worker
        assertThat(failures.seen()).filteredOn(f -> Integer.valueOf(42).equals(f.signal()))
                .extracting(SignalFailure::target).containsExactlyInAnyOrder(failing, healthy);
        assertThat(subscribers.healthyReceived()).containsExactly("p-1");
    }

    @ApplicationScoped
    static class Subscribers {
        private final List<String> healthyReceived = new CopyOnWriteArrayList<>();

        void failing(@Subscribes("payments") String payment) {
            throw new IllegalStateException("declined " + payment);
        }

        void healthy(@Subscribes("payments") String payment) {
            healthyReceived.add(payment);
        }

        List<String> healthyReceived() {
            return healthyReceived;
        }
    }

    @ApplicationScoped
    static class FailureLog {
        private final List<SignalFailure> seen = new CopyOnWriteArrayList<>();

        void onFailure(@Observes SignalFailure failure) {
            seen.add(failure);
        }

        List<SignalFailure> seen() {
            return seen;
        }
    }
}
