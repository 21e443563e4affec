package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.PeriodicTask;

/** A {@code ${key}} duration is read from MicroProfile Config. */
class ConfigExpressionDurationTest {

    static final List<Long> RUNS = new CopyOnWriteArrayList<>();

    @Test
    void periodComesFromConfig() {
        try (WeldContainer container = Cdi.boot(Map.of("poller.every", "300ms"), Poller.class)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> RUNS.size() >= 6);
        }
        assertThat(Periods.medianGap(RUNS)).isBetween(Duration.ofMillis(240), Duration.ofMillis(600));
    }

    @ApplicationScoped
    static class Poller {
        @PeriodicTask(every = "${poller.every}")
        void poll() {
            RUNS.add(System.nanoTime());
        }
    }
}
