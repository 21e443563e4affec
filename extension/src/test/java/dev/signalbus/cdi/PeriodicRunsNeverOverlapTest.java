package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.PeriodicTask;

/** A periodic run that takes longer than the period never overlaps the next one. */
class PeriodicRunsNeverOverlapTest {

    static final AtomicInteger RUNS = new AtomicInteger();
    static final AtomicInteger RUNNING = new AtomicInteger();
    static final AtomicInteger MAX_RUNNING = new AtomicInteger();

    @Test
    void runsOneAtATime() {
        try (WeldContainer container = Cdi.boot(Poller.class)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> RUNS.get() >= 4);
        }
        assertThat(MAX_RUNNING).hasValue(1);
    }

    @ApplicationScoped
    static class Poller {
        @PeriodicTask(every = "20ms")
        void poll() throws InterruptedException {
            MAX_RUNNING.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
            try {
                Thread.sleep(100); // the work: five periods long
            } finally {
                RUNNING.decrementAndGet();
                RUNS.incrementAndGet();
            }
        }
    }
}
