package dev.signalbus.quarkus.deployment.test;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.PeriodicTask;
import io.quarkus.test.QuarkusUnitTest;

/** {@code quarkus.scheduler.enabled=false} turns periodic tasks off, short and long periods alike. */
public class SchedulerDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Ticks.class))
            .overrideConfigKey("quarkus.scheduler.enabled", "false");

    @Test
    void periodicTasksDoNotRun() {
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> Ticks.fast.get() == 0 && Ticks.slow.get() == 0);
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
