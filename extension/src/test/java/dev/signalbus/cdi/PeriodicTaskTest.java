package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.PeriodicTask;

/** README example 3: a periodic task runs every half second while the application runs. */
class PeriodicTaskTest {

    static final List<Long> RUNS = new CopyOnWriteArrayList<>();

    @Test
    void runsEveryHalfSecond() {
        try (WeldContainer container = Cdi.boot(Foos.class)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> RUNS.size() >= 5);
        }
        int runs = RUNS.size();
        assertThat(Periods.medianGap(RUNS)).isBetween(Duration.ofMillis(400), Duration.ofMillis(900));
        // stopped with the application
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> RUNS.size() == runs);
    }

    @ApplicationScoped
    static class Foos {
        @PeriodicTask(every = "0.5s")
        void printFoos() {
            RUNS.add(System.nanoTime());
        }
    }
}
