package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.PeriodicTask;

/**
 * A periodic run that takes longer than the period never overlaps the next one, up to the last run, which the stop
 * lets finish.
 */
public class PeriodicRunsNeverOverlap extends Behaviour {

    static AtomicInteger counter(String name) {
        return Shared.get("periodic-runs-never-overlap." + name, AtomicInteger::new);
    }

    @Override
    public void run(Container app) {
        await().atMost(Duration.ofSeconds(10)).until(() -> counter("runs").get() >= 4);
    }

    @Override
    public void afterStop(String container) {
        try {
            assertThat(counter("most-running")).hasValue(1);
        } finally {
            Shared.clear("periodic-runs-never-overlap.");
        }
    }

    @ApplicationScoped
    public static class Poller {
        @PeriodicTask(every = "20ms")
        void poll() throws InterruptedException {
            counter("most-running").accumulateAndGet(counter("running").incrementAndGet(), Math::max);
            try {
                Thread.sleep(100); // the work: five periods long
            } finally {
                counter("running").decrementAndGet();
                counter("runs").incrementAndGet();
            }
        }
    }
}
