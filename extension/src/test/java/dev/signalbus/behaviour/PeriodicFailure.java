package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.signalbus.PeriodicTask;
import dev.signalbus.SignalFailure;

/**
 * A failing periodic run is fired as a {@link SignalFailure} (no topic, no signal, the target {@code Class#method})
 * and the task keeps its schedule.
 */
public class PeriodicFailure extends Behaviour {

    static final AtomicInteger RUNS = new AtomicInteger();
    static final List<SignalFailure> FAILURES = new CopyOnWriteArrayList<>();

    @Override
    public void run(Container app) {
        await().atMost(Duration.ofSeconds(10)).until(() -> RUNS.get() >= 4 && FAILURES.size() >= 2);
        SignalFailure failure = FAILURES.get(0);
        assertThat(failure.topic()).isNull();
        assertThat(failure.signal()).isNull();
        assertThat(failure.target()).isEqualTo(Poller.class.getName() + "#poll");
        assertThat(failure.failure()).isInstanceOf(IllegalStateException.class).hasMessage("database down (run 1)");
    }

    @ApplicationScoped
    public static class Poller {
        @PeriodicTask(every = "100ms")
        void poll() {
            int run = RUNS.incrementAndGet();
            if (run % 2 == 1) {
                throw new IllegalStateException("database down (run " + run + ")");
            }
        }

        void onFailure(@Observes SignalFailure failure) {
            FAILURES.add(failure);
        }
    }
}
