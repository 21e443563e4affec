package dev.signalbus.reliability.weld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.Logs;
import dev.signalbus.behaviour.Shared;
import dev.signalbus.behaviour.Threads;

/**
 * Case 3, the worst kind: a subscriber that hangs past {@code shutdown-timeout} and ignores
 * interrupts. Nothing in Java can stop such a thread, but it must not hold the application's
 * shutdown: closing the container still returns within the timeout + 1 s, the report names the
 * subscriber and the exact number it did not get, a warning names the thread that could not be
 * stopped, and that thread ends as soon as the subscriber returns.
 * <p>
 * Weld SE only: what it checks is the portable extension's own pools ({@code BusExecutors#shutdown}: the bounded wait
 * for the threads it interrupted and the warning naming a {@code signal-bus-*} thread that is still running). On
 * Quarkus deliveries run on the Quarkus worker pool, whose shutdown is Quarkus's own
 * ({@code quarkus.thread-pool.shutdown-timeout}); the bus interrupts the hung delivery there too, as
 * {@code dev.signalbus.behaviour.reliability.HungSubscriber} checks on both containers.
 */
class UninterruptibleHungSubscriberTest {

    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final int SIGNALS = 7;
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final AtomicInteger STARTED = new AtomicInteger();
    static final AtomicInteger IGNORED_INTERRUPTS = new AtomicInteger();

    @Test
    void closeDoesNotWaitForAThreadThatIgnoresInterrupts() {
        long start = System.nanoTime();
        Duration took;
        List<String> logged;
        try (Logs logs = Logs.capture("dev.signalbus.cdi")) {
            WeldContainer container = WeldBus.boot(Map.of("signal-bus.shutdown-timeout", "1s"), Reports.class,
                    Stubborn.class);
            Reports reports = container.select(Reports.class).get();
            for (int i = 0; i < SIGNALS; i++) {
                reports.report(i);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> STARTED.get() == 1);

            long closeStart = System.nanoTime();
            container.close();
            took = Duration.ofNanos(System.nanoTime() - closeStart);
            logged = logs.messages();
        } finally {
            RELEASE.countDown();
        }

        assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plusSeconds(1));
        assertThat(logged).filteredOn(line -> line.contains("not delivered"))
                .containsExactly("SIGBUS0004: Signal Bus shutdown-timeout exceeded: " + SIGNALS
                        + " signal(s) not delivered to reports -> " + Stubborn.class.getName() + "#report");
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("still running").contains("signal-bus-"));
        assertThat(IGNORED_INTERRUPTS.get()).isPositive();
        // released, the subscriber returns and its thread ends: the pool was shut down
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Threads.busThreads()).isEmpty());
        Shared.print("3b hung, ignores interrupts", "Weld SE", String.format(
                "shutdown-timeout %d ms: close() returned after %d ms; reported %d not delivered", TIMEOUT.toMillis(),
                took.toMillis(), SIGNALS), start);
    }

    @ApplicationScoped
    static class Reports {
        @Publishes("reports")
        Integer report(int id) {
            return id;
        }
    }

    @ApplicationScoped
    static class Stubborn {
        void report(@Subscribes("reports") Integer id) {
            STARTED.incrementAndGet();
            while (true) {
                try {
                    if (RELEASE.await(60, TimeUnit.SECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    IGNORED_INTERRUPTS.incrementAndGet(); // and hangs on
                }
            }
        }
    }
}
