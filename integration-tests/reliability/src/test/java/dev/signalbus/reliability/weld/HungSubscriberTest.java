package dev.signalbus.reliability.weld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

/**
 * Case 3: a subscriber hangs (blocked, interruptibly) past {@code shutdown-timeout}. Closing the
 * container returns within the timeout + 1 s, the report names the topic and the subscriber with
 * the exact number of signals it did not get (the one it hangs on and those queued behind it),
 * the healthy subscriber of the same topic got everything, and no bus thread survives: the hung
 * one is interrupted.
 */
class HungSubscriberTest {

    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final int SIGNALS = 25;
    static final CountDownLatch NEVER = new CountDownLatch(1);
    static final AtomicInteger HUNG_STARTED = new AtomicInteger();
    static final AtomicInteger HUNG_INTERRUPTED = new AtomicInteger();
    static final AtomicInteger HEALTHY = new AtomicInteger();

    @Test
    void closeReturnsInTimeReportsTheExactLossAndLeavesNoBusThread() {
        long start = System.nanoTime();
        Duration took;
        List<String> report;
        try (Logs logs = Logs.capture(Logs.EXTENSION)) {
            WeldContainer container = WeldBus.boot(Map.of("signal-bus.shutdown-timeout", "1s"), Exports.class,
                    Hung.class, Healthy.class);
            Exports exports = container.select(Exports.class).get();
            for (int i = 0; i < SIGNALS; i++) {
                exports.export(i);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> HUNG_STARTED.get() == 1 && HEALTHY.get() == SIGNALS);

            long closeStart = System.nanoTime();
            container.close();
            took = Duration.ofNanos(System.nanoTime() - closeStart);
            report = List.copyOf(logs.messages);
        }

        assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plusSeconds(1));
        assertThat(report).filteredOn(line -> line.contains("not delivered"))
                .containsExactly("SIGBUS0004: Signal Bus shutdown-timeout exceeded: " + SIGNALS
                        + " signal(s) not delivered to exports -> " + Hung.class.getName() + "#export");
        assertThat(HUNG_INTERRUPTED.get()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Threads.busThreads()).isEmpty());
        Figures.print("3 hung subscriber (Weld)", String.format(
                "shutdown-timeout %d ms: close() returned after %d ms; reported %d not delivered", TIMEOUT.toMillis(),
                took.toMillis(), SIGNALS), start);
    }

    @ApplicationScoped
    static class Exports {
        @Publishes("exports")
        Integer export(int id) {
            return id;
        }
    }

    @ApplicationScoped
    static class Hung {
        void export(@Subscribes("exports") Integer id) {
            HUNG_STARTED.incrementAndGet();
            try {
                NEVER.await();
            } catch (InterruptedException e) {
                HUNG_INTERRUPTED.incrementAndGet();
                Thread.currentThread().interrupt();
            }
        }
    }

    @ApplicationScoped
    static class Healthy {
        void export(@Subscribes("exports") Integer id) {
            HEALTHY.incrementAndGet();
        }
    }
}
