package dev.signalbus.quarkus.deployment.test;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.PeriodicTask;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Periodic tasks behave as scheduler jobs: pausing the job (by its identity, {@code Class#method}) or the whole
 * scheduler stops their runs, resuming restarts them.
 */
public class SchedulerPauseTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Ticks.class));

    @Inject
    Scheduler scheduler;

    @Test
    void pauseAndResume() {
        String slowJob = Ticks.class.getName() + "#slow";
        await().atMost(Duration.ofSeconds(10)).until(() -> Ticks.slow.get() > 0 && Ticks.fast.get() > 0);

        scheduler.pause(slowJob);
        int pausedAt = Ticks.slow.get();
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> Ticks.slow.get() <= pausedAt + 1);
        scheduler.resume(slowJob);
        await().atMost(Duration.ofSeconds(10)).until(() -> Ticks.slow.get() > pausedAt + 1);

        scheduler.pause();
        int fastPausedAt = Ticks.fast.get();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> Ticks.fast.get() <= fastPausedAt + 1);
        scheduler.resume();
        await().atMost(Duration.ofSeconds(10)).until(() -> Ticks.fast.get() > fastPausedAt + 2);
    }

    @ApplicationScoped
    static class Ticks {
        static final AtomicInteger fast = new AtomicInteger();
        static final AtomicInteger slow = new AtomicInteger();

        @PeriodicTask(every = "0.1s")
        void fast() {
            fast.incrementAndGet();
        }

        @PeriodicTask(every = "1s")
        void slow() {
            slow.incrementAndGet();
        }
    }
}
