package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.signalbus.SignalBus;
import dev.signalbus.SignalFailure;
import dev.signalbus.Subscribes;

/**
 * A failing subscriber is fired as a {@link SignalFailure} CDI event carrying topic, {@code Class#method}, signal and
 * exception, on the delivering thread; it delays neither its own next signals nor the topic's other subscriber. A
 * signal of the wrong type met at run time (published where deployment validation cannot see it) is a failure of each
 * subscriber too, naming the signal's type; the subscriber is never called with it, and there is no silent
 * {@code ClassCastException}.
 */
public class SignalFailures extends Behaviour {

    static final List<SignalFailure> FAILURES = new CopyOnWriteArrayList<>();
    static final List<String> FAILURE_THREADS = new CopyOnWriteArrayList<>();
    static final List<String> DELIVERY_THREADS = new CopyOnWriteArrayList<>();
    static final List<String> FAILING_RECEIVED = new CopyOnWriteArrayList<>();
    static final List<String> HEALTHY_RECEIVED = new CopyOnWriteArrayList<>();

    @Override
    public void run(Container app) {
        SignalBus bus = app.select(SignalBus.class);
        bus.publish("payments", "broken");
        bus.publish("payments", "fine");
        bus.publish("payments", 42);
        await().atMost(Duration.ofSeconds(10)).until(() -> FAILURES.size() == 3 && FAILING_RECEIVED.size() == 2);
        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();

        String failing = Subscribers.class.getName() + "#failing";
        String healthy = Subscribers.class.getName() + "#healthy";
        SignalFailure failure = FAILURES.stream().filter(f -> "broken".equals(f.signal())).findFirst().orElseThrow();
        assertThat(failure.topic()).isEqualTo("payments");
        assertThat(failure.target()).isEqualTo(failing);
        assertThat(failure.failure()).isInstanceOf(IllegalArgumentException.class).hasMessage("declined broken");
        assertThat(FAILURE_THREADS.get(0)).as("fired on the delivering thread").isEqualTo(DELIVERY_THREADS.get(0));
        // the failure did not stop the failing subscriber's next signal, nor the other subscriber
        assertThat(FAILING_RECEIVED).containsExactly("broken", "fine");
        assertThat(HEALTHY_RECEIVED).containsExactly("broken", "fine");
        // 42 is not a String: both subscribers report it, naming its type, instead of throwing ClassCastException in
        // a worker; neither is called with it (the lists above)
        assertThat(FAILURES).filteredOn(f -> Integer.valueOf(42).equals(f.signal()))
                .allSatisfy(f -> assertThat(f.topic()).isEqualTo("payments"))
                .allSatisfy(f -> assertThat(f.failure()).isInstanceOf(ClassCastException.class)
                        .hasMessageContaining("java.lang.Integer"))
                .extracting(SignalFailure::target).containsExactlyInAnyOrder(failing, healthy);
    }

    @ApplicationScoped
    public static class Subscribers {
        void failing(@Subscribes("payments") String payment) {
            FAILING_RECEIVED.add(payment);
            DELIVERY_THREADS.add(Thread.currentThread().getName());
            if (payment.equals("broken")) {
                throw new IllegalArgumentException("declined " + payment);
            }
        }

        void healthy(@Subscribes("payments") String payment) {
            HEALTHY_RECEIVED.add(payment);
        }
    }

    @ApplicationScoped
    public static class FailureLog {
        void onFailure(@Observes SignalFailure failure) {
            if ("broken".equals(failure.signal())) {
                FAILURE_THREADS.add(Thread.currentThread().getName());
            }
            FAILURES.add(failure);
        }
    }
}
