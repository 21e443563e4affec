package dev.signalbus.quarkus.deployment.test.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Case 1 on Quarkus: signals through topics A → B → C, two subscribers each, those of A and B
 * republishing through {@code @Publishes}; the test returns while the publishers still publish, so
 * the application stops (and the bus drains) under them. Every signal accepted before the bus
 * stopped reached A twice, B 4 times and C 8 times; every publish after that threw.
 * 1,000,000 signals by default; {@code -Dsignalbus.chain.signals=<n>} runs another size.
 */
public class QuarkusChainDrainTest {

    static final int SIGNALS = Integer.getInteger("signalbus.chain.signals", 1_000_000);
    static final int PACED = 2_000;
    static final int A = 0;
    static final int B = 1;
    static final int C = 2;
    static final int ACCEPTED = 3;
    static final int REFUSED = 4;
    static final int THREW_AFTER_STOP = 5;

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Source.class, StageA.class, StageB.class, StageC.class,
                    Shared.class))
            .overrideConfigKey("quarkus.signal-bus.shutdown-timeout", "5m")
            .overrideConfigKey("quarkus.signal-bus.publish-timeout", "5m")
            .setAfterUndeployListener(QuarkusChainDrainTest::verify);

    static AtomicLongArray counts() {
        return Shared.get("chain.counts", () -> new AtomicLongArray(6));
    }

    /** Per signal id: 1 when accepted, then + 1 per delivery on C (so 9 for an accepted one, 0 for a refused one). */
    static AtomicIntegerArray perSignal() {
        return Shared.get("chain.per-signal", () -> new AtomicIntegerArray(SIGNALS + PACED));
    }

    static ConcurrentLinkedQueue<String> refusals() {
        return Shared.get("chain.refusals", ConcurrentLinkedQueue::new);
    }

    static CompletableFuture<Void> publishersDone() {
        return Shared.get("chain.done", CompletableFuture::new);
    }

    /** A publish through the application's {@code @Publishes} bean, for the checks to try after the stop. */
    static Runnable latePublish(Runnable publish) {
        return Shared.get("chain.late-publish", () -> publish);
    }

    static long start() {
        return Shared.get("chain.start", () -> new long[] { System.nanoTime() })[0];
    }

    @Inject
    Source source;

    @Inject
    SignalBus bus;

    @Test
    void publishersStillRunWhenTheApplicationStops() throws InterruptedException {
        start();
        latePublish(() -> source.emit(-1));
        CountDownLatch halfway = new CountDownLatch(SIGNALS / 2);
        List<CompletableFuture<Void>> publishers = new ArrayList<>();
        int quota = SIGNALS / 2;
        for (int p = 0; p < 2; p++) {
            int first = p * quota;
            publishers.add(CompletableFuture.runAsync(() -> publish(first, quota, halfway, null),
                    runnable -> new Thread(runnable, "chain-publisher-" + first).start()));
        }
        halfway.await();
        // one more waits for the bus to be idle after each signal, like a request-driven publisher:
        // the drain finds such a moment once the others are done and stops the bus while it publishes
        publishers.add(CompletableFuture.runAsync(() -> publish(SIGNALS, PACED, null, bus),
                runnable -> new Thread(runnable, "chain-publisher-paced").start()));
        CompletableFuture.allOf(publishers.toArray(new CompletableFuture<?>[0]))
                .whenComplete((ok, failure) -> publishersDone().complete(null));
        // returning stops the application while the publishers go on
    }

    private void publish(int first, int quota, CountDownLatch halfway, SignalBus paceWith) {
        AtomicLongArray counts = counts();
        AtomicIntegerArray perSignal = perSignal();
        for (int id = first; id < first + quota; id++) {
            try {
                source.emit(id);
            } catch (Throwable e) {
                // refused by the stopped bus, or by Quarkus once the application is gone
                counts.addAndGet(REFUSED, first + quota - id);
                refusals().add(e.getClass().getName() + ": " + e.getMessage());
                break;
            }
            perSignal.incrementAndGet(id);
            counts.incrementAndGet(ACCEPTED);
            if (halfway != null) {
                halfway.countDown();
            }
            if (paceWith != null) {
                try {
                    paceWith.awaitIdle(Duration.ofMinutes(1));
                } catch (RuntimeException e) {
                    // the application is gone: the next publish is refused
                }
            }
        }
    }

    static void verify() {
        try {
            try {
                publishersDone().get(5, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new AssertionError("the publishers did not finish", e);
            }
            AtomicLongArray counts = counts();
            long accepted = counts.get(ACCEPTED);
            assertThat(accepted + counts.get(REFUSED)).isEqualTo(SIGNALS + PACED);
            assertThat(counts.get(REFUSED)).as("publishes refused after the stop").isPositive();
            try {
                latePublish(null).run();
            } catch (RuntimeException e) {
                counts.incrementAndGet(THREW_AFTER_STOP);
            }
            assertThat(counts.get(THREW_AFTER_STOP)).as("a publish after the stop threw").isEqualTo(1);
            assertThat(counts.get(A)).isEqualTo(2 * accepted);
            assertThat(counts.get(B)).isEqualTo(4 * accepted);
            assertThat(counts.get(C)).isEqualTo(8 * accepted);
            AtomicIntegerArray perSignal = perSignal();
            for (int id = 0; id < SIGNALS + PACED; id++) {
                int seen = perSignal.get(id);
                if (seen != 0 && seen != 9) {
                    assertThat(seen).as("signal %d: accepted (1) + deliveries on C (8)", id).isEqualTo(9);
                }
            }
            Shared.print("1 chain A->B->C x2 (Quarkus)", String.format("%d signals accepted, %d refused after the stop,"
                    + " %d deliveries; refusals: %s", accepted, counts.get(REFUSED), counts.get(A) + counts.get(B)
                    + counts.get(C), refusals().stream().map(r -> r.length() > 90 ? r.substring(0, 90) : r).toList()),
                    start());
        } finally {
            Shared.clear("chain.");
        }
    }

    @Dependent
    public static class Source {
        @Publishes("A")
        Integer emit(int id) {
            return id;
        }
    }

    @ApplicationScoped
    public static class StageA {
        @Publishes("B")
        Integer left(@Subscribes("A") Integer id) {
            counts().incrementAndGet(A);
            return id;
        }

        @Publishes("B")
        Integer right(@Subscribes("A") Integer id) {
            counts().incrementAndGet(A);
            return id;
        }
    }

    @ApplicationScoped
    public static class StageB {
        @Publishes("C")
        Integer left(@Subscribes("B") Integer id) {
            counts().incrementAndGet(B);
            return id;
        }

        @Publishes("C")
        Integer right(@Subscribes("B") Integer id) {
            counts().incrementAndGet(B);
            return id;
        }
    }

    @ApplicationScoped
    public static class StageC {
        void left(@Subscribes("C") Integer id) {
            counts().incrementAndGet(C);
            perSignal().incrementAndGet(id);
        }

        void right(@Subscribes("C") Integer id) {
            counts().incrementAndGet(C);
            perSignal().incrementAndGet(id);
        }
    }
}
