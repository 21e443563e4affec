package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Shutdown drains everything, chains included, within the shutdown timeout, and reports what it could not. */
class DrainTest {

    private final TestBus bus = new TestBus(4);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        bus.close();
    }

    @Test
    void aThreeStageChainDrainsToTheEndOnShutdown() {
        int signals = 3_000;
        AtomicInteger end = new AtomicInteger();
        AtomicReference<SignalBusEngine> self = new AtomicReference<>();
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(SubscriberSpec.of("a", "A#on", Integer.class, 1, s -> {
                    self.get().publish("b", s);
                    return null;
                }))
                .subscriber(SubscriberSpec.of("b", "B#on", Integer.class, 2, s -> {
                    // the last stage is reached through an async result: the drain must wait for it too
                    self.get().publish("c", CompletableFuture.supplyAsync(() -> s, bus.executor));
                    return null;
                }))
                .subscriber(SubscriberSpec.of("c", "C#on", Integer.class, 1, s -> end.incrementAndGet())));
        self.set(engine);

        for (int i = 0; i < signals; i++) {
            engine.publish("a", i);
        }
        DrainReport report = engine.shutdown();

        assertThat(report.complete()).isTrue();
        assertThat(report.undelivered()).isEmpty();
        assertThat(end).hasValue(signals);
        assertThat(engine.delivered()).containsEntry("a -> A#on", (long) signals).containsEntry("b -> B#on", (long) signals)
                .containsEntry("c -> C#on", (long) signals);
        assertThat(bus.failures).isEmpty();
        assertThatThrownBy(() -> engine.publish("a", 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pastTheShutdownTimeoutTheReportCountsExactlyWhatWasNotDeliveredPerTopicAndSubscriber() {
        Duration timeout = Duration.ofMillis(500);
        CountDownLatch hung = new CountDownLatch(1);
        AtomicInteger fast = new AtomicInteger();
        SignalBusEngine engine = bus.started(bus.builder()
                .config(TestBus.config(timeout, 100, Duration.ofSeconds(1)))
                .subscriber(SubscriberSpec.of("slow", "com.acme.Slow#hang", Integer.class, 1, s -> {
                    hung.countDown();
                    TestBus.await(release);
                    return null;
                }))
                .subscriber(new SubscriberSpec("slow", "com.acme.Slow#batch", Integer.class, 1, 50, Duration.ofMinutes(5),
                        s -> {
                            TestBus.await(release);
                            return null;
                        }))
                .subscriber(SubscriberSpec.of("fast", "com.acme.Fast#on", Integer.class, 1, s -> fast.incrementAndGet())));

        for (int i = 0; i < 5; i++) {
            engine.publish("slow", i);
        }
        TestBus.await(hung);
        for (int i = 0; i < 20; i++) {
            engine.publish("fast", i);
        }

        long start = System.nanoTime();
        DrainReport report = engine.shutdown();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isGreaterThanOrEqualTo(timeout).isLessThan(timeout.plusSeconds(1));
        assertThat(report.complete()).isFalse();
        // one in flight + four queued; the batch of five is in flight; the fast subscriber is done
        assertThat(report.undelivered()).isEqualTo(Map.of("slow -> com.acme.Slow#hang", 5L,
                "slow -> com.acme.Slow#batch", 5L));
        assertThat(fast).hasValue(20);
        assertThat(engine.isStopped()).isTrue();
        assertThatThrownBy(() -> engine.publish("fast", 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopped");
    }

    @Test
    void aPublisherWaitingForRoomWhenTheDrainTimesOutIsToldAndHoldsNoPlaceInTheOtherQueues() {
        CountDownLatch hung = new CountDownLatch(1);
        AtomicInteger fast = new AtomicInteger();
        SignalBusEngine engine = bus.started(bus.builder()
                .config(TestBus.config(Duration.ofMillis(300), 1, Duration.ofSeconds(60)))
                .subscriber(SubscriberSpec.of("t", "Fast#on", Integer.class, 1, s -> fast.incrementAndGet()))
                .subscriber(SubscriberSpec.of("t", "Slow#hang", Integer.class, 1, s -> {
                    hung.countDown();
                    TestBus.await(release);
                    return null;
                })));
        engine.publish("t", 0);
        TestBus.await(hung);
        engine.publish("t", 1); // fills the slow queue
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread publisher = TestBus.thread("blocked publisher", () -> {
            try {
                engine.publish("t", 2);
                outcome.set(new AssertionError("publish returned normally, but the signal can never be delivered"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> publisher.getState() == Thread.State.TIMED_WAITING);
        await().atMost(Duration.ofSeconds(10)).until(() -> fast.get() == 2);

        DrainReport report = engine.shutdown();

        // signal 2 reached neither queue: not in the report, and its publisher is told
        assertThat(report.complete()).isFalse();
        assertThat(report.undelivered()).isEqualTo(Map.of("t -> Slow#hang", 2L));
        await().atMost(Duration.ofSeconds(5)).until(() -> outcome.get() != null);
        assertThat(outcome.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
        assertThat(fast).hasValue(2);
    }

    @Test
    void anInterruptedThreadStillDrainsWithinTheTimeoutAndKeepsItsInterruptFlag() {
        CountDownLatch inFlight = new CountDownLatch(1);
        AtomicInteger delivered = new AtomicInteger();
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(SubscriberSpec.of("t", "Sub#on", Integer.class, 1, s -> {
                    inFlight.countDown();
                    TestBus.await(release);
                    return delivered.incrementAndGet();
                })));
        for (int i = 0; i < 10; i++) {
            engine.publish("t", i);
        }
        TestBus.await(inFlight);
        Thread shuttingDown = Thread.currentThread();
        TestBus.thread("releaser", () -> {
            await().atMost(Duration.ofSeconds(10)).until(() -> shuttingDown.getState() == Thread.State.WAITING
                    || shuttingDown.getState() == Thread.State.TIMED_WAITING);
            release.countDown();
        });

        shuttingDown.interrupt(); // e.g. a container's shutdown thread
        DrainReport report;
        try {
            report = engine.shutdown();
        } finally {
            assertThat(Thread.interrupted()).as("interrupt flag kept").isTrue();
        }

        assertThat(report.undelivered()).isEmpty();
        assertThat(report.complete()).isTrue();
        assertThat(delivered).hasValue(10);
    }

    @Test
    void shutdownIsIdempotent() {
        AtomicInteger received = new AtomicInteger();
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(SubscriberSpec.of("t", "Sub#on", Integer.class, 1, s -> received.incrementAndGet())));
        engine.publish("t", 1);

        DrainReport first = engine.shutdown();
        DrainReport second = engine.shutdown();

        assertThat(first.complete()).isTrue();
        assertThat(second).isSameAs(first);
        assertThat(received).hasValue(1);
    }

    @Test
    void aSecondShutdownDuringTheDrainWaitsForItAndReturnsTheSameReport() {
        CountDownLatch inFlight = new CountDownLatch(1);
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(SubscriberSpec.of("t", "Sub#on", Integer.class, 1, s -> {
                    inFlight.countDown();
                    TestBus.await(release);
                    return null;
                })));
        engine.publish("t", 1);
        TestBus.await(inFlight);

        CompletableFuture<DrainReport> first = CompletableFuture.supplyAsync(engine::shutdown);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !first.isDone());
        CompletableFuture<DrainReport> second = CompletableFuture.supplyAsync(engine::shutdown);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());
        release.countDown();

        assertThat(first.join().complete()).isTrue();
        assertThat(second.join()).isSameAs(first.join());
        assertThat(engine.isStopped()).isTrue();
    }

    @Test
    void awaitIdleIsFalseWhileWorkIsInFlightAndTrueAsSoonAsItIsDone() {
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(SubscriberSpec.of("t", "Sub#on", Integer.class, 1, s -> {
                    TestBus.await(release);
                    return null;
                })));
        assertThat(engine.awaitIdle(Duration.ZERO)).isTrue();
        engine.publish("t", 1);
        engine.publish("t", 2);

        long start = System.nanoTime();
        assertThat(engine.awaitIdle(Duration.ofMillis(300))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        CompletableFuture<Long> waiter = CompletableFuture.supplyAsync(() -> {
            boolean idle = engine.awaitIdle(Duration.ofSeconds(60));
            return idle ? System.nanoTime() : -1L;
        });
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !waiter.isDone());
        long released = System.nanoTime();
        release.countDown();

        // woken by the last delivery, not by the end of its 60 s timeout
        long idleAt = waiter.join();
        assertThat(idleAt).isPositive();
        assertThat(Duration.ofNanos(idleAt - released)).isLessThan(Duration.ofSeconds(5));
        assertThat(engine.delivered()).containsEntry("t -> Sub#on", 2L);
        assertThat(engine.awaitIdle(Duration.ZERO)).isTrue();
    }

    @Test
    void awaitIdleIsFalseWhileSignalsWaitForTheStart() {
        SignalBusEngine engine = bus.builder()
                .subscriber(SubscriberSpec.of("t", "Sub#on", Integer.class, 1, s -> null)).build();
        engine.publish("t", 1);

        assertThat(engine.awaitIdle(Duration.ofMillis(100))).isFalse();
        engine.start();
        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }
}
