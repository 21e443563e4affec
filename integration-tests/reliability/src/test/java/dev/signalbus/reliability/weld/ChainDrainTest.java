package dev.signalbus.reliability.weld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * Case 1: signals through a chain of topics A → B → C, two subscribers on each, the subscribers of A
 * and B republishing through {@code @Publishes}; the container is closed while the publishers are
 * still publishing. Every signal accepted before the bus stopped reaches every stage (2 deliveries
 * on A, 4 on B, 8 on C), and every publish after the bus stopped throws
 * {@link IllegalStateException}.
 * <p>
 * 1,000,000 signals by default; {@code -Dsignalbus.chain.signals=<n>} runs another size.
 */
class ChainDrainTest {

    static final int SIGNALS = Integer.getInteger("signalbus.chain.signals", 1_000_000);
    static final int PUBLISHERS = 2;

    static final LongAdder A = new LongAdder();
    static final LongAdder B = new LongAdder();
    static final LongAdder C = new LongAdder();
    /** Deliveries on C per signal id: 8 for every accepted signal, 0 for every refused one. */
    static final AtomicIntegerArray AT_C = new AtomicIntegerArray(SIGNALS + Publisher.PACED);

    @Test
    void everyAcceptedSignalReachesEveryStageAndEveryLatePublishThrows() throws Exception {
        long start = System.nanoTime();
        WeldContainer container = WeldBus.boot(Map.of(
                // the drain must outlast the publishers; a timed-out drain would fail the counts below
                "signal-bus.shutdown-timeout", "5m",
                // publishers outpace the chain and wait for room: back-pressure, not a failure
                "signal-bus.publish-timeout", "5m"), Source.class, StageA.class, StageB.class, StageC.class);

        AtomicLong accepted = new AtomicLong();
        CountDownLatch halfway = new CountDownLatch(1);
        int quota = SIGNALS / PUBLISHERS;
        List<CompletableFuture<Publisher>> publishers = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            Publisher publisher = new Publisher(container.select(Source.class).get(), p * quota, quota);
            publishers.add(CompletableFuture.supplyAsync(() -> publisher.run(accepted, halfway, SIGNALS / 2),
                    runnable -> new Thread(runnable, "chain-publisher-" + publisher.first).start()));
        }

        halfway.await();
        // one more publisher waits for the bus to be idle after each signal, as a request-driven one
        // would: the drain finds such a moment once the others are done and stops the bus while
        // this one still publishes
        Publisher paced = new Publisher(container.select(Source.class).get(), SIGNALS, Publisher.PACED);
        SignalBus bus = container.select(SignalBus.class).get();
        publishers.add(CompletableFuture.supplyAsync(() -> paced.runPaced(accepted, bus),
                runnable -> new Thread(runnable, "chain-publisher-paced").start()));
        long closeStart = System.nanoTime();
        container.close(); // the drain runs here, while the publishers go on
        Duration closeTook = Duration.ofNanos(System.nanoTime() - closeStart);

        long total = 0;
        long refused = 0;
        for (CompletableFuture<Publisher> future : publishers) {
            Publisher publisher = future.get();
            // every publish after the bus stopped throws, the one a publisher makes after close() included
            // (then Weld itself refuses: the extension it reaches the bus through is gone with the container)
            assertThatThrownBy(() -> publisher.source.emit(-1)).isInstanceOf(IllegalStateException.class);
            if (publisher.refusal != null) {
                // the bus says so from the end of its drain until the container is gone; after that,
                // Weld refuses the call into the discarded extension
                assertThat(publisher.refusal).isInstanceOf(IllegalStateException.class)
                        .hasMessageMatching("(?s).*(Signal Bus has stopped.*'A'|WELD-000229).*");
                refused += publisher.quota - publisher.accepted;
            }
            total += publisher.accepted;
        }
        assertThat(total).isEqualTo(accepted.get()).isGreaterThanOrEqualTo(SIGNALS / 2);
        assertThat(paced.refusal).as("a publish refused after the drain stopped the bus").isNotNull();
        assertThat(A.sum()).isEqualTo(2 * total);
        assertThat(B.sum()).isEqualTo(4 * total);
        assertThat(C.sum()).isEqualTo(8 * total);
        for (CompletableFuture<Publisher> future : publishers) {
            Publisher publisher = future.get();
            for (int id = publisher.first; id < publisher.first + publisher.quota; id++) {
                int expected = id < publisher.first + publisher.accepted ? 8 : 0;
                if (AT_C.get(id) != expected) {
                    assertThat(AT_C.get(id)).as("deliveries on C of signal %d", id).isEqualTo(expected);
                }
            }
        }
        Figures.print("1 chain A->B->C x2 (Weld)", String.format(
                "%d signals accepted, %d refused after the stop, %d deliveries; close() with drain %d ms",
                total, refused, A.sum() + B.sum() + C.sum(), closeTook.toMillis()), start);
    }

    /** Publishes its ids in order until done or refused because the bus stopped. */
    static final class Publisher {
        static final int PACED = 2_000;
        final Source source;
        final int first;
        final int quota;
        int accepted;
        RuntimeException refusal;

        Publisher(Source source, int first, int quota) {
            this.source = source;
            this.first = first;
            this.quota = quota;
        }

        Publisher run(AtomicLong acceptedByAll, CountDownLatch halfway, long half) {
            for (int id = first; id < first + quota; id++) {
                try {
                    source.emit(id);
                } catch (IllegalStateException e) {
                    refusal = e; // the bus stopped: the rest of the quota would be refused too
                    return this;
                }
                accepted++;
                if (acceptedByAll.incrementAndGet() == half) {
                    halfway.countDown();
                }
            }
            return this;
        }

        Publisher runPaced(AtomicLong acceptedByAll, SignalBus bus) {
            for (int id = first; id < first + quota; id++) {
                try {
                    source.emit(id);
                } catch (IllegalStateException e) {
                    refusal = e;
                    return this;
                }
                accepted++;
                acceptedByAll.incrementAndGet();
                try {
                    bus.awaitIdle(Duration.ofMinutes(1));
                } catch (RuntimeException e) {
                    // the container is gone: the next publish is refused
                }
            }
            return this;
        }
    }

    /** Held by a publisher thread, like a bean injected into a component that outlives the bus. */
    @Dependent
    static class Source {
        @Publishes("A")
        Integer emit(int id) {
            return id;
        }
    }

    @ApplicationScoped
    static class StageA {
        @Publishes("B")
        Integer left(@Subscribes("A") Integer id) {
            A.increment();
            return id;
        }

        @Publishes("B")
        Integer right(@Subscribes("A") Integer id) {
            A.increment();
            return id;
        }
    }

    @ApplicationScoped
    static class StageB {
        @Publishes("C")
        Integer left(@Subscribes("B") Integer id) {
            B.increment();
            return id;
        }

        @Publishes("C")
        Integer right(@Subscribes("B") Integer id) {
            B.increment();
            return id;
        }
    }

    @ApplicationScoped
    static class StageC {
        void left(@Subscribes("C") Integer id) {
            C.increment();
            AT_C.incrementAndGet(id);
        }

        void right(@Subscribes("C") Integer id) {
            C.increment();
            AT_C.incrementAndGet(id);
        }
    }
}
