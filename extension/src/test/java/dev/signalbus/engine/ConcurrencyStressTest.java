package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many publisher threads, bounded in time: no loss, no duplicate, exact counts also across shutdown. */
class ConcurrencyStressTest {

    private static final int PUBLISHERS = 8;

    private final TestBus bus = new TestBus(8);

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void eightPublishersNoLossNoDuplicateAndPerPublisherOrderAtConcurrencyOne() throws InterruptedException {
        int perPublisher = 50_000;
        int total = PUBLISHERS * perPublisher;
        AtomicIntegerArray serial = new AtomicIntegerArray(total);
        AtomicIntegerArray parallel = new AtomicIntegerArray(total);
        int[] next = new int[PUBLISHERS]; // confined to one delivery at a time by concurrency 1
        List<String> outOfOrder = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = bus.started(bus.builder()
                .config(TestBus.config(Duration.ofSeconds(30), 10_000, Duration.ofSeconds(30)))
                .subscriber(SubscriberSpec.of("t", "Serial#on", Integer.class, 1, s -> {
                    int id = (Integer) s;
                    int publisher = id / perPublisher;
                    if (id % perPublisher != next[publisher]) {
                        outOfOrder.add(publisher + ": expected " + next[publisher] + " got " + id % perPublisher);
                    }
                    next[publisher] = id % perPublisher + 1;
                    serial.incrementAndGet(id);
                    return null;
                }))
                .subscriber(SubscriberSpec.of("t", "Parallel#on", Integer.class, 8,
                        s -> parallel.incrementAndGet((Integer) s))));

        runPublishers(p -> {
            for (int i = 0; i < perPublisher; i++) {
                engine.publish("t", p * perPublisher + i);
            }
        });

        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(outOfOrder).isEmpty();
        assertExactlyOnce(serial, "Serial#on");
        assertExactlyOnce(parallel, "Parallel#on");
        assertThat(engine.delivered()).containsEntry("t -> Serial#on", (long) total)
                .containsEntry("t -> Parallel#on", (long) total);
        assertThat(engine.shutdown().complete()).isTrue();
    }

    @Test
    void shutdownWhilePublishersRunEveryPublishEitherThrewOrWasDelivered() throws InterruptedException {
        int perPublisher = 100_000;
        LongAdder accepted = new LongAdder();
        LongAdder refused = new LongAdder();
        List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        AtomicIntegerArray serial = new AtomicIntegerArray(PUBLISHERS * perPublisher);
        AtomicIntegerArray parallel = new AtomicIntegerArray(PUBLISHERS * perPublisher);
        SignalBusEngine engine = bus.started(bus.builder()
                .config(TestBus.config(Duration.ofSeconds(30), 10_000, Duration.ofSeconds(30)))
                .subscriber(SubscriberSpec.of("t", "Serial#on", Integer.class, 1, s -> serial.incrementAndGet((Integer) s)))
                .subscriber(SubscriberSpec.of("t", "Parallel#on", Integer.class, 8,
                        s -> parallel.incrementAndGet((Integer) s))));

        Thread[] publishers = startPublishers(p -> {
            boolean wasRefused = false;
            for (int i = 0; i < perPublisher; i++) {
                try {
                    engine.publish("t", p * perPublisher + i);
                    accepted.increment();
                    if (wasRefused) {
                        unexpected.add(new AssertionError("publisher " + p + ": signal " + i
                                + " accepted after the bus said it had stopped"));
                    }
                } catch (IllegalStateException e) {
                    refused.increment();
                    wasRefused = true;
                } catch (Throwable t) {
                    unexpected.add(t);
                }
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> accepted.sum() >= 20_000);
        DrainReport report = engine.shutdown();
        for (Thread publisher : publishers) {
            publisher.join();
        }

        assertThat(unexpected).isEmpty();
        assertThat(report.complete()).isTrue();
        assertThat(accepted.sum() + refused.sum()).isEqualTo((long) PUBLISHERS * perPublisher);
        assertThat(engine.delivered()).containsEntry("t -> Serial#on", accepted.sum())
                .containsEntry("t -> Parallel#on", accepted.sum());
        for (int i = 0; i < serial.length(); i++) {
            assertThat(serial.get(i)).as("signal %d to Serial#on", i).isEqualTo(parallel.get(i)).isBetween(0, 1);
        }
    }

    @Test
    void shutdownWhilePublishersFeedAChainEverythingAcceptedReachesTheEnd() throws InterruptedException {
        // publishers outside the bus keep going during the drain; chained publishes must never be refused
        int perPublisher = 50_000;
        LongAdder accepted = new LongAdder();
        LongAdder refused = new LongAdder();
        AtomicLong end = new AtomicLong();
        AtomicReference<SignalBusEngine> self = new AtomicReference<>();
        SignalBusEngine engine = bus.started(bus.builder()
                .config(TestBus.config(Duration.ofSeconds(30), 10_000, Duration.ofSeconds(30)))
                .subscriber(SubscriberSpec.of("a", "A#on", Integer.class, 2, s -> {
                    self.get().publish("b", s);
                    return null;
                }))
                .subscriber(SubscriberSpec.of("b", "B#on", Integer.class, 1, s -> {
                    self.get().publish("c", s);
                    return null;
                }))
                .subscriber(SubscriberSpec.of("c", "C#on", Integer.class, 2, s -> end.incrementAndGet())));
        self.set(engine);

        Thread[] publishers = startPublishers(p -> {
            for (int i = 0; i < perPublisher; i++) {
                try {
                    engine.publish("a", i);
                    accepted.increment();
                } catch (IllegalStateException e) {
                    refused.increment();
                }
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> accepted.sum() >= 20_000);
        DrainReport report = engine.shutdown();
        for (Thread publisher : publishers) {
            publisher.join();
        }

        assertThat(report.complete()).isTrue();
        assertThat(bus.failures).as("chained publishes refused during the drain").isEmpty();
        assertThat(end.get()).isEqualTo(accepted.sum());
        assertThat(accepted.sum() + refused.sum()).isEqualTo((long) PUBLISHERS * perPublisher);
    }

    private static void assertExactlyOnce(AtomicIntegerArray counts, String subscriber) {
        for (int i = 0; i < counts.length(); i++) {
            if (counts.get(i) != 1) {
                throw new AssertionError(subscriber + " received signal " + i + " " + counts.get(i) + " times");
            }
        }
    }

    interface Publisher {
        void run(int publisher);
    }

    private static void runPublishers(Publisher body) throws InterruptedException {
        for (Thread thread : startPublishers(body)) {
            thread.join();
        }
    }

    private static Thread[] startPublishers(Publisher body) {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            int publisher = p;
            threads.add(TestBus.thread("publisher-" + p, () -> {
                TestBus.await(go);
                body.run(publisher);
            }));
        }
        go.countDown();
        return threads.toArray(new Thread[0]);
    }
}
