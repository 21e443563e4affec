package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.PeriodicTask;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Seed example 3: a periodic task every 0.5s (shorter than quarkus-scheduler's one-second trigger check, so it runs
 * at fixed rate on the managed executor).
 */
public class PeriodicTaskTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Foos.class));

    @Test
    void runsEveryHalfSecond() {
        await().atMost(Duration.ofSeconds(10)).until(() -> Foos.runs.size() >= 5);
        List<Long> runs = List.copyOf(Foos.runs);
        // five runs at 0.5s take about two seconds; a one-second schedule would need four
        long span = runs.get(4) - runs.get(0);
        assertThat(Duration.ofNanos(span)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(3500));
    }

    @ApplicationScoped
    static class Foos {
        static final List<Long> runs = new CopyOnWriteArrayList<>();

        @PeriodicTask(every = "0.5s")
        void printFoos() {
            runs.add(System.nanoTime());
        }
    }
}
