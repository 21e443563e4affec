package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Publishers keep publishing, most of them waiting for room, while a drain times out: every signal
 * a publisher was not told about (no exception) is either delivered or counted in the drain report,
 * for every subscriber, whichever queue it went through (single-consumer array queue at concurrency
 * 1, linked queue at 2); publishers are woken and told; the stopped bus stays closed, and every
 * unit of pending work comes back exactly once.
 */
class DrainTimeoutRaceTest {

    private static final int PUBLISHERS = 4;

    private final TestBus bus = new TestBus(6);

    @AfterEach
    void close() {
        bus.close();
    }

    @ParameterizedTest(name = "round {0}")
    @ValueSource(ints = { 1, 2, 3, 4, 5 })
    void everyAcceptedSignalIsDeliveredOrReportedPerSubscriber(int round) throws InterruptedException {
        SignalBusEngine engine = bus.started(bus.builder()
                .config(TestBus.config(Duration.ofMillis(200 + 20 * round), 64, Duration.ofSeconds(10)))
                .subscriber(SubscriberSpec.of("t", "Fast#on", Integer.class, 1, s -> null))
                .subscriber(SubscriberSpec.of("t", "Slow#on", Integer.class, 1, s -> work()))
                .subscriber(SubscriberSpec.of("t", "SlowPair#on", Integer.class, 2, s -> work())));

        AtomicLong accepted = new AtomicLong();
        List<RuntimeException> refusals = new ArrayList<>();
        List<Thread> publishers = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            publishers.add(TestBus.thread("publisher-" + p, () -> {
                for (int i = 0;; i++) {
                    try {
                        engine.publish("t", i);
                    } catch (IllegalStateException e) {
                        synchronized (refusals) {
                            refusals.add(e);
                        }
                        return;
                    }
                    accepted.incrementAndGet();
                }
            }));
        }
        // the queues of the slow subscribers fill up: publishers wait for room when the drain gives up
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted.get() >= 300);

        DrainReport report = engine.shutdown();

        for (Thread publisher : publishers) {
            publisher.join(30_000);
            assertThat(publisher.isAlive()).as("a publisher still blocked after the drain").isFalse();
        }
        assertThat(report.complete()).isFalse();
        assertThat(refusals).hasSize(PUBLISHERS).allSatisfy(e -> assertThat(e).hasMessageContaining("'t'"));
        // deliveries interrupted at the end report as failures; let them finish: every unit of pending
        // work comes back exactly once (a unit given back twice would never let this reach 0)
        await().atMost(Duration.ofSeconds(30)).until(() -> inFlight(engine) == 0);
        long sent = accepted.get();
        assertAccounted(engine, report, "t -> Fast#on", sent, 1);
        assertAccounted(engine, report, "t -> Slow#on", sent, 1);
        assertAccounted(engine, report, "t -> SlowPair#on", sent, 2);
        // the count of pending work was not driven below zero: the bus stays closed to every topic
        assertThatThrownBy(() -> engine.publish("t", -1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> engine.publish("no-subscriber", -1)).isInstanceOf(IllegalStateException.class);
    }

    /**
     * Delivered plus reported covers every accepted signal. It may exceed it by the deliveries that
     * were in flight when the report was made and finished before they were interrupted, and by one
     * per publisher whose reservation pass the drain's end caught (documented in DrainReport).
     */
    private void assertAccounted(SignalBusEngine engine, DrainReport report, String key, long accepted, int concurrency) {
        long delivered = engine.delivered().getOrDefault(key, 0L);
        long failed = bus.failures.stream().filter(f -> key.endsWith(f.target())).count();
        long reported = report.undelivered().getOrDefault(key, 0L);
        assertThat(delivered + reported).as(key + ": delivered %d + reported %d, accepted %d (failed %d)", delivered,
                reported, accepted, failed).isBetween(accepted, accepted + concurrency + PUBLISHERS);
        assertThat(failed).as(key + ": failures are deliveries that were in flight").isLessThanOrEqualTo(concurrency);
    }

    /** Deliveries and publishes still holding a unit of pending work (none may be lost or given back twice). */
    private static long inFlight(SignalBusEngine engine) {
        return engine.pending.get();
    }

    /** Simulated work of a slow subscriber (interrupted at the end of a drain that timed out). */
    private static Object work() throws InterruptedException {
        Thread.sleep(1);
        return null;
    }
}
