package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code concurrency = 1} delivers one signal at a time, in publish order. */
class DeliveryOrderTest {

    private final TestBus bus = new TestBus(4);

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void concurrencyOneDeliversOneAtATimeInPublishOrder() {
        int signals = 20_000;
        List<Integer> received = new ArrayList<>(); // confined to one delivery at a time by the engine
        AtomicInteger active = new AtomicInteger();
        AtomicInteger maxActive = new AtomicInteger();
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(SubscriberSpec.of("t", "Sub#on", Integer.class, 1, s -> {
                    maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
                    received.add((Integer) s);
                    active.decrementAndGet();
                    return null;
                })));

        for (int i = 0; i < signals; i++) {
            engine.publish("t", i);
        }

        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(maxActive).hasValue(1);
        assertThat(received).isEqualTo(IntStream.range(0, signals).boxed().toList());
    }

    @Test
    void concurrencyOneKeepsEachPublisherThreadsOrder() throws InterruptedException {
        int publishers = 4;
        int perPublisher = 10_000;
        int[] next = new int[publishers]; // confined to one delivery at a time by the engine
        List<String> outOfOrder = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(SubscriberSpec.of("t", "Sub#on", long[].class, 1, s -> {
                    long[] signal = (long[]) s;
                    int publisher = (int) signal[0];
                    if (signal[1] != next[publisher]) {
                        outOfOrder.add("publisher " + publisher + ": expected " + next[publisher] + ", got "
                                + signal[1]);
                    }
                    next[publisher] = (int) signal[1] + 1;
                    return null;
                })));

        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            int publisher = p;
            threads.add(TestBus.thread("publisher-" + p, () -> {
                TestBus.await(go);
                for (int i = 0; i < perPublisher; i++) {
                    engine.publish("t", new long[] { publisher, i });
                }
            }));
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(outOfOrder).isEmpty();
        assertThat(next).containsOnly(perPublisher);
        assertThat(engine.delivered()).containsEntry("t -> Sub#on", (long) publishers * perPublisher);
    }
}
