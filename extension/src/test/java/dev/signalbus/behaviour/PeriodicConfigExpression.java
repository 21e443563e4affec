package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import dev.signalbus.PeriodicTask;

/** {@code every} and {@code delay} may be {@code ${key}} expressions, read from the configuration at start. */
public class PeriodicConfigExpression extends Behaviour {

    static final List<Long> RUNS = new CopyOnWriteArrayList<>();
    static volatile long started;

    @Override
    public Map<String, String> config() {
        return Map.of("poller.every", "300ms", "poller.delay", "PT1.5S");
    }

    @Override
    public void run(Container app) {
        await().atMost(Duration.ofSeconds(15)).until(() -> RUNS.size() >= 6);
        assertThat(started).as("the application scope was initialized").isNotZero();
        assertThat(Duration.ofNanos(RUNS.get(0) - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(Periods.medianGap(RUNS)).isBetween(Duration.ofMillis(240), Duration.ofMillis(600));
    }

    @ApplicationScoped
    public static class Poller {
        void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
            started = System.nanoTime();
        }

        @PeriodicTask(every = "${poller.every}", delay = "${poller.delay}")
        void poll() {
            RUNS.add(System.nanoTime());
        }
    }
}
