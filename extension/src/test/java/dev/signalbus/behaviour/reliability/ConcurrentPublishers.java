package dev.signalbus.behaviour.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.Behaviour;
import dev.signalbus.behaviour.Container;
import dev.signalbus.behaviour.Shared;

/**
 * Reliability case 5: 8 threads each publish 100,000 signals through a {@code @Publishes} method to one topic with two
 * subscribers, one of concurrency 1 and one of concurrency 8. Each subscriber gets every signal exactly once (no loss,
 * no duplicate); the one of concurrency 1 gets each publisher's signals in the order they were published and never
 * runs two at once, the other never more than 8.
 * <p>
 * {@code -Dsignalbus.concurrency.signals=<n>} publishes another number per thread.
 */
public class ConcurrentPublishers extends Behaviour {

    static final int PUBLISHERS = 8;
    static final int PER_PUBLISHER = Integer.getInteger("signalbus.concurrency.signals", 100_000);

    static final AtomicIntegerArray ORDERED = new AtomicIntegerArray(PUBLISHERS * PER_PUBLISHER);
    static final AtomicIntegerArray PARALLEL = new AtomicIntegerArray(PUBLISHERS * PER_PUBLISHER);
    /** The last sequence number the ordered subscriber got from each publisher. */
    static final AtomicIntegerArray LAST = new AtomicIntegerArray(PUBLISHERS);
    static final ConcurrentLinkedQueue<String> OUT_OF_ORDER = new ConcurrentLinkedQueue<>();
    static final AtomicInteger ORDERED_IN_FLIGHT = new AtomicInteger();
    static final AtomicInteger PARALLEL_IN_FLIGHT = new AtomicInteger();
    static final AtomicInteger ORDERED_MAX = new AtomicInteger();
    static final AtomicInteger PARALLEL_MAX = new AtomicInteger();

    @Override
    public Map<String, String> settings() {
        // eight publishers outpace one ordered subscriber: they wait for room, however long a loaded machine makes that
        return Map.of("publish-timeout", "5m");
    }

    @Override
    public void run(Container app) throws Exception {
        long start = System.nanoTime();
        for (int p = 0; p < PUBLISHERS; p++) {
            LAST.set(p, -1);
        }
        Stamps stamps = app.select(Stamps.class);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> publishers = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            int publisher = p;
            publishers.add(CompletableFuture.runAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                for (int seq = 0; seq < PER_PUBLISHER; seq++) {
                    stamps.stamp(publisher, seq);
                }
            }, runnable -> new Thread(runnable, "publisher-" + publisher).start()));
        }
        go.countDown();
        CompletableFuture.allOf(publishers.toArray(new CompletableFuture<?>[0])).get();
        assertThat(app.select(SignalBus.class).awaitIdle(Duration.ofMinutes(3))).isTrue();

        int signals = PUBLISHERS * PER_PUBLISHER;
        for (int id = 0; id < signals; id++) {
            if (ORDERED.get(id) != 1 || PARALLEL.get(id) != 1) {
                assertThat(new int[] { ORDERED.get(id), PARALLEL.get(id) })
                        .as("deliveries of signal %d (publisher %d, #%d) to the subscribers of concurrency 1 and 8",
                                id, id / PER_PUBLISHER, id % PER_PUBLISHER)
                        .containsExactly(1, 1);
            }
        }
        assertThat(OUT_OF_ORDER).isEmpty();
        for (int p = 0; p < PUBLISHERS; p++) {
            assertThat(LAST.get(p)).as("last signal of publisher %d", p).isEqualTo(PER_PUBLISHER - 1);
        }
        assertThat(ORDERED_MAX.get()).isEqualTo(1);
        assertThat(PARALLEL_MAX.get()).isBetween(1, 8);
        Shared.print("5 concurrent publishers", app.name(), String.format("%d x %d signals, each delivered once to"
                + " concurrency 1 (ordered) and 8 (at most %d at once)", PUBLISHERS, PER_PUBLISHER, PARALLEL_MAX.get()),
                start);
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
            enter(ORDERED_IN_FLIGHT, ORDERED_MAX);
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
            enter(PARALLEL_IN_FLIGHT, PARALLEL_MAX);
            try {
                PARALLEL.incrementAndGet(stamp.id());
            } finally {
                PARALLEL_IN_FLIGHT.decrementAndGet();
            }
        }
    }

    static void enter(AtomicInteger inFlight, AtomicInteger max) {
        int now = inFlight.incrementAndGet();
        max.accumulateAndGet(now, Math::max);
    }
}
