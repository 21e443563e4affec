package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.PeriodicTask;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.QuarkusUnitTest;

/** {@code every} and {@code delay} may be config expressions, resolved when the application starts. */
public class PeriodicConfigExpressionTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Poller.class))
            .overrideConfigKey("poller.every", "200ms")
            .overrideConfigKey("poller.delay", "PT1.5S");

    @Test
    void periodAndDelayComeFromConfig() {
        await().atMost(Duration.ofSeconds(10)).until(() -> Poller.runs.size() >= 5);
        List<Long> runs = List.copyOf(Poller.runs);
        assertThat(Duration.ofNanos(runs.get(0) - Poller.started)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(Duration.ofNanos(runs.get(4) - runs.get(0))).isBetween(Duration.ofMillis(300),
                Duration.ofMillis(2500));
    }

    @ApplicationScoped
    static class Poller {
        static final List<Long> runs = new CopyOnWriteArrayList<>();
        static volatile long started;

        void onStart(@Observes StartupEvent event) {
            started = System.nanoTime();
        }

        @PeriodicTask(every = "${poller.every}", delay = "${poller.delay}")
        void poll() {
            runs.add(System.nanoTime());
        }
    }
}
