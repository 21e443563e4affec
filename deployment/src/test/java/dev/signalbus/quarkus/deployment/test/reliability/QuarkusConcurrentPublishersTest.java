package dev.signalbus.quarkus.deployment.test.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Case 5 on Quarkus: 8 threads × 100,000 signals through a {@code @Publishes} method to a subscriber
 * of concurrency 1 and one of concurrency 8: each gets every signal exactly once, the first in each
 * publisher's order and never two at once, the second never more than 8 at once.
 */
public class QuarkusConcurrentPublishersTest {

    static final int PUBLISHERS = 8;
    static final int PER_PUBLISHER = Integer.getInteger("signalbus.concurrency.signals", 100_000);
    static final AtomicIntegerArray ORDERED = new AtomicIntegerArray(PUBLISHERS * PER_PUBLISHER);
    static final AtomicIntegerArray PARALLEL = new AtomicIntegerArray(PUBLISHERS * PER_PUBLISHER);
    static final AtomicIntegerArray LAST = new AtomicIntegerArray(PUBLISHERS);
    static final ConcurrentLinkedQueue<String> OUT_OF_ORDER = new ConcurrentLinkedQueue<>();
    static final AtomicInteger ORDERED_IN_FLIGHT = new AtomicInteger();
    static final AtomicInteger PARALLEL_IN_FLIGHT = new AtomicInteger();
    static final AtomicInteger ORDERED_MAX = new AtomicInteger();
    static final AtomicInteger PARALLEL_MAX = new AtomicInteger();

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Stamps.class, Stamp.class, Ordered.class, Parallel.class,
                    Shared.class))
            .overrideConfigKey("quarkus.signal-bus.publish-timeout", "5m");

    @Inject
    Stamps stamps;

    @Inject
    SignalBus bus;

    @Test
    void noLossNoDuplicateAndPerPublisherOrderAtConcurrencyOne() throws Exception {
        long start = System.nanoTime();
        for (int p = 0; p < PUBLISHERS; p++) {
            LAST.set(p, -1);
        }
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> publishers = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            int publisher = p;
            publishers.add(CompletableFuture.runAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                for (int seq = 0; seq < PER_PUBLISHER; seq++) {
                    stamps.stamp(publisher, seq);
                }
            }, runnable -> new Thread(runnable, "publisher-" + publisher).start()));
        }
        go.countDown();
        CompletableFuture.allOf(publishers.toArray(new CompletableFuture<?>[0])).get();
        assertThat(bus.awaitIdle(Duration.ofMinutes(3))).isTrue();

        for (int id = 0; id < PUBLISHERS * PER_PUBLISHER; id++) {
            if (ORDERED.get(id) != 1 || PARALLEL.get(id) != 1) {
                assertThat(new int[] { ORDERED.get(id), PARALLEL.get(id) }).as("deliveries of signal %d", id)
                        .containsExactly(1, 1);
            }
        }
        assertThat(OUT_OF_ORDER).isEmpty();
        for (int p = 0; p < PUBLISHERS; p++) {
            assertThat(LAST.get(p)).isEqualTo(PER_PUBLISHER - 1);
        }
        assertThat(ORDERED_MAX.get()).isEqualTo(1);
        assertThat(PARALLEL_MAX.get()).isBetween(1, 8);
        Shared.print("5 concurrent publishers (Quarkus)", String.format("%d x %d signals, each delivered once to"
                + " concurrency 1 (ordered) and 8 (at most %d at once)", PUBLISHERS, PER_PUBLISHER,
                PARALLEL_MAX.get()), start);
    }

    public record Stamp(int publisher, int seq) {
        int id() {
            return publisher * PER_PUBLISHER + seq;
        }
    }

    @ApplicationScoped
    public static class Stamps {
        @Publishes("stamps")
        Stamp stamp(int publisher, int seq) {
            return new Stamp(publisher, seq);
        }
    }

    @ApplicationScoped
    public static class Ordered {
        void receive(@Subscribes("stamps") Stamp stamp) {
            int now = ORDERED_IN_FLIGHT.incrementAndGet();
            ORDERED_MAX.accumulateAndGet(now, Math::max);
            try {
                ORDERED.incrementAndGet(stamp.id());
                int last = LAST.getAndSet(stamp.publisher(), stamp.seq());
                if (stamp.seq() != last + 1 && OUT_OF_ORDER.size() < 10) {
                    OUT_OF_ORDER.add(stamp + " after #" + last);
                }
            } finally {
                ORDERED_IN_FLIGHT.decrementAndGet();
            }
        }
    }

    @ApplicationScoped
    public static class Parallel {
        void receive(@Subscribes(value = "stamps", concurrency = 8) Stamp stamp) {
            int now = PARALLEL_IN_FLIGHT.incrementAndGet();
            PARALLEL_MAX.accumulateAndGet(now, Math::max);
            try {
                PARALLEL.incrementAndGet(stamp.id());
            } finally {
                PARALLEL_IN_FLIGHT.decrementAndGet();
            }
        }
    }
}
