package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code @Batch(maxSize, maxWait)}: full batches at once, partial ones after maxWait or at shutdown. */
class BatchTest {

    private final TestBus bus = new TestBus(4);
    private final List<List<Object>> batches = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        bus.close();
    }

    private SignalBusEngine batchSubscriber(int maxSize, Duration maxWait, int concurrency) {
        return bus.started(bus.builder()
                .subscriber(new SubscriberSpec("t", "Sub#batch", Integer.class, concurrency, maxSize, maxWait, s -> {
                    batches.add(new ArrayList<>((List<?>) s));
                    return null;
                })));
    }

    @Test
    void aBatchIsDeliveredAsSoonAsItReachesMaxSize() {
        // maxWait is far beyond the test: only reaching maxSize can deliver these
        SignalBusEngine engine = batchSubscriber(5, Duration.ofMinutes(5), 1);

        for (int i = 0; i < 10; i++) {
            engine.publish("t", i);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> batches.size() == 2);
        assertThat(batches).containsExactly(List.of(0, 1, 2, 3, 4), List.of(5, 6, 7, 8, 9));
        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void aPartialBatchIsDeliveredAfterMaxWaitNotBefore() {
        Duration maxWait = Duration.ofMillis(400);
        SignalBusEngine engine = batchSubscriber(100, maxWait, 1);

        long start = System.nanoTime();
        engine.publish("t", 1);
        engine.publish("t", 2);
        engine.publish("t", 3);

        await().atMost(Duration.ofSeconds(10)).until(() -> batches.size() == 1);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(maxWait).isLessThan(maxWait.plusSeconds(5));
        assertThat(batches).containsExactly(List.of(1, 2, 3));
        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void aPartialBatchIsDeliveredAfterMaxWaitAgainAndAgain() {
        // later partial batches need their own timer, also after a full batch went out; four signals
        // a round and maxSize 3: at least one batch of each round is partial, only maxWait delivers it
        SignalBusEngine engine = batchSubscriber(3, Duration.ofMillis(100), 1);

        for (int round = 0; round < 4; round++) {
            int before = batches.size();
            int first = round * 10;
            for (int i = 0; i < 4; i++) {
                engine.publish("t", first + i);
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> batches.stream().skip(before).mapToInt(List::size).sum() == 4);
            List<List<Object>> thisRound = batches.subList(before, batches.size());
            assertThat(thisRound.stream().flatMap(List::stream).toList())
                    .containsExactly(first, first + 1, first + 2, first + 3);
            assertThat(thisRound).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 3));
        }
        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void aBatchNeverExceedsMaxSizeAndEverySignalIsDeliveredOnce() throws InterruptedException {
        int signals = 5_000;
        SignalBusEngine engine = batchSubscriber(7, Duration.ofMillis(20), 2);
        Thread a = TestBus.thread("a", () -> IntStream.range(0, signals / 2).forEach(i -> engine.publish("t", i)));
        Thread b = TestBus.thread("b", () -> IntStream.range(signals / 2, signals).forEach(i -> engine.publish("t", i)));
        a.join();
        b.join();

        assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 7));
        List<Object> all = batches.stream().flatMap(List::stream).sorted().toList();
        assertThat(all).isEqualTo(IntStream.range(0, signals).boxed().toList());
        assertThat(engine.delivered()).containsEntry("t -> Sub#batch", (long) signals);
    }

    @Test
    void aPartialBatchIsFlushedAtShutdownWithoutWaitingForMaxWait() {
        SignalBusEngine engine = batchSubscriber(100, Duration.ofMinutes(5), 1);
        engine.publish("t", 1);
        engine.publish("t", 2);

        long start = System.nanoTime();
        DrainReport report = engine.shutdown();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(report.complete()).isTrue();
        assertThat(batches).containsExactly(List.of(1, 2));
    }
}
