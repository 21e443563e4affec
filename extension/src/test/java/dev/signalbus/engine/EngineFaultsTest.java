package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalFailure;

/**
 * The engine faults of issue 10, each as its user met it, run against the engine alone. The
 * container-level ones (durations, a batch larger than its queue, per-topic settings) are in the
 * Weld SE and Quarkus suites. Publish timeouts here are an hour: a test that passes did not wait
 * for one. docs/reliability.md, "Faults found and fixed", lists them.
 */
class EngineFaultsTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private final TestBus bus = new TestBus(4);
    private final AtomicReference<SignalBusEngine> self = new AtomicReference<>();

    @AfterEach
    void close() {
        bus.close();
    }

    // 1. a subscriber publishing into its own full queue does not wait for room that cannot come

    @Test
    void aSubscriberPublishingIntoItsOwnFullQueueGoesBeyondCapacityInsteadOfWaiting() {
        List<Integer> received = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = bus.builder().config(TestBus.config(HOUR, 4, HOUR))
                .subscriber(SubscriberSpec.of("t", "T#on", Integer.class, 1, s -> {
                    received.add((Integer) s);
                    if ((Integer) s == 0) {
                        self.get().publish("t", 10); // fills the queue again
                        self.get().publish("t", 11); // full, and only this thread could make room
                    }
                    return null;
                })).build();
        self.set(engine);
        for (int i = 0; i < 4; i++) {
            engine.publish("t", i); // the queue is full before the start
        }
        engine.start();

        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(received).containsExactly(0, 1, 2, 3, 10, 11);
        assertThat(bus.failures).isEmpty();
        assertThat(engine.shutdown().complete()).isTrue();
    }

    @Test
    void pastTwiceTheCapacityAPublishThatCannotWaitIsRefusedAtOnceNamingTheCycle() {
        List<Integer> received = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = bus.builder().config(TestBus.config(HOUR, 2, HOUR))
                .subscriber(SubscriberSpec.of("t", "T#on", Integer.class, 1, s -> {
                    received.add((Integer) s);
                    if ((Integer) s == 0) {
                        for (int child = 10; child < 14; child++) {
                            self.get().publish("t", child);
                        }
                    }
                    return null;
                })).build();
        self.set(engine);
        engine.publish("t", 0);
        engine.publish("t", 1);
        engine.start();

        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        // 0 took its place, 10 refilled it, 11 and 12 went beyond: 4 queued, twice the capacity
        assertThat(received).containsExactly(0, 1, 10, 11, 12);
        assertThat(bus.failures).singleElement().satisfies(failure -> {
            assertThat(failure.signal()).isEqualTo(0);
            assertThat(failure.failure()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no room can come").hasMessageContaining("T#on (topic 't')")
                    .hasMessageContaining("Raise queue-capacity");
        });
    }

    @Test
    void twoSubscribersFeedingEachOtherFullQueuesDoNotWaitForEachOther() {
        AtomicInteger a = new AtomicInteger();
        AtomicInteger b = new AtomicInteger();
        CyclicBarrier bothDelivering = new CyclicBarrier(2);
        SignalBusEngine engine = bus.builder().config(TestBus.config(HOUR, 4, HOUR))
                .subscriber(SubscriberSpec.of("a", "A#on", Integer.class, 1, s -> {
                    a.incrementAndGet();
                    if ((Integer) s == 0) {
                        bothDelivering.await(30, TimeUnit.SECONDS);
                        self.get().publish("b", 10);
                        self.get().publish("b", 11); // b is full, and B is publishing into full a
                    }
                    return null;
                }))
                .subscriber(SubscriberSpec.of("b", "B#on", Integer.class, 1, s -> {
                    b.incrementAndGet();
                    if ((Integer) s == 0) {
                        bothDelivering.await(30, TimeUnit.SECONDS);
                        self.get().publish("a", 10);
                        self.get().publish("a", 11);
                    }
                    return null;
                })).build();
        self.set(engine);
        for (int i = 0; i < 4; i++) {
            engine.publish("a", i);
            engine.publish("b", i);
        }
        engine.start();

        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(a).hasValue(6);
        assertThat(b).hasValue(6);
        assertThat(bus.failures).isEmpty();
    }

    @Test
    void withAPublishTimeoutOfZeroASubscriberPublishingIntoItsOwnFullQueueIsRefusedAsAnyPublisher() {
        List<Integer> received = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = bus.builder().config(TestBus.config(HOUR, 2, Duration.ZERO))
                .subscriber(SubscriberSpec.of("t", "T#on", Integer.class, 1, s -> {
                    received.add((Integer) s);
                    if ((Integer) s == 0) {
                        self.get().publish("t", 10); // refills the place 0 took
                        self.get().publish("t", 11); // full: refused at once, never beyond the capacity
                    }
                    return null;
                })).build();
        self.set(engine);
        engine.publish("t", 0);
        engine.publish("t", 1);
        engine.start();

        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(received).containsExactly(0, 1, 10);
        assertThat(bus.failures).singleElement().satisfies(failure -> assertThat(failure.failure())
                .hasMessageContaining("is full (2 signals) for PT0S"));
    }

    @Test
    void cyclesUnderLoadNeverWaitForRoomAndOutsidePublishersAreNeverToldNoRoomCanCome() throws Exception {
        // A publishes to b, B to a (each signal carries how many hops are left), C also receives b;
        // outside threads publish into both: queues of 4 are full most of the time
        AtomicInteger delivered = new AtomicInteger();
        SubscriberInvoker hop = s -> {
            delivered.incrementAndGet();
            int left = (Integer) s;
            if (left > 0) {
                self.get().publish(left % 2 == 0 ? "a" : "b", left - 1);
            }
            return null;
        };
        SignalBusEngine engine = bus.started(bus.builder().config(TestBus.config(HOUR, 4, HOUR))
                .subscriber(SubscriberSpec.of("a", "A#on", Integer.class, 1, hop))
                .subscriber(SubscriberSpec.of("b", "B#on", Integer.class, 1, hop))
                .subscriber(SubscriberSpec.of("b", "C#on", Integer.class, 1, s -> delivered.incrementAndGet())));
        self.set(engine);
        List<Throwable> outsideFailures = new CopyOnWriteArrayList<>();
        List<Thread> publishers = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            String topic = p % 2 == 0 ? "a" : "b";
            publishers.add(TestBus.thread("outside-" + p, () -> {
                for (int i = 0; i < 300; i++) {
                    try {
                        engine.publish(topic, 6);
                    } catch (RuntimeException e) {
                        outsideFailures.add(e);
                    }
                }
            }));
        }
        for (Thread publisher : publishers) {
            publisher.join(TimeUnit.SECONDS.toMillis(60));
        }

        assertThat(engine.awaitIdle(Duration.ofSeconds(60))).as("no publish waited for room that cannot come")
                .isTrue();
        assertThat(outsideFailures).isEmpty();
        assertThat(bus.failures).allSatisfy(failure -> assertThat(failure.failure())
                .hasMessageContaining("no room can come"));
        assertThat(publishers).noneMatch(Thread::isAlive);
    }

    // 2. the drain on an executor that refuses: a thread per task, and refusals make it incomplete

    @Test
    void theDrainOnARefusingExecutorDeliversAChainIntoAFullQueue() {
        Executor suspended = task -> {
            throw new RejectedExecutionException("suspended");
        };
        AtomicInteger end = new AtomicInteger();
        SignalBusEngine engine = bus.builder().executor(suspended)
                .config(new BusConfig(Duration.ofSeconds(60), 100, HOUR, Map.of("b", 4)))
                .subscriber(SubscriberSpec.of("a", "A#on", Integer.class, 1, s -> {
                    self.get().publish("b", s);
                    self.get().publish("b", s); // b fills up: its task must run beside this one
                    return null;
                }))
                .subscriber(SubscriberSpec.of("b", "B#on", Integer.class, 1, s -> end.incrementAndGet())).build();
        self.set(engine);
        engine.start();
        for (int i = 0; i < 20; i++) {
            engine.publish("a", i); // refused by the executor: queued until the drain
        }

        DrainReport report = engine.shutdown();

        assertThat(report.complete()).isTrue();
        assertThat(report.undelivered()).isEmpty();
        assertThat(end).hasValue(40);
        assertThat(report.took()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aPublishRefusedWhileDrainingMakesTheDrainIncomplete() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SignalBusEngine engine = bus.started(bus.builder()
                .config(new BusConfig(Duration.ofSeconds(60), 100, Duration.ZERO, Map.of("b", 1)))
                .subscriber(SubscriberSpec.of("a", "A#on", Integer.class, 1, s -> {
                    TestBus.await(go);
                    self.get().publish("b", 99); // b stays full: refused after publish-timeout 0
                    return null;
                }))
                .subscriber(SubscriberSpec.of("b", "B#on", Integer.class, 1, s -> {
                    if ((Integer) s == 0) {
                        holding.countDown();
                        TestBus.await(release);
                    }
                    return null;
                })));
        self.set(engine);
        engine.publish("b", 0);
        TestBus.await(holding); // B holds 0
        engine.publish("b", 1); // queued: b is full
        engine.publish("a", 0);
        CompletableFuture<DrainReport> drain = CompletableFuture.supplyAsync(engine::shutdown);
        await().atMost(Duration.ofSeconds(10)).until(engine::draining);
        go.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> !bus.failures.isEmpty());
        release.countDown();

        DrainReport report = drain.get(30, TimeUnit.SECONDS);

        assertThat(report.complete()).isFalse();
        assertThat(report.refused()).isEqualTo(Map.of("b -> B#on", 1L));
        assertThat(report.undelivered()).isEmpty();
        assertThat(bus.failures).singleElement().extracting(SignalFailure::target).isEqualTo("A#on");
        assertThat(engine.delivered()).containsEntry("b -> B#on", 2L);
    }

    // 3. durations too long to schedule: refused where they are made, and awaitIdle takes any

    @Test
    void durationsBeyondTheMaximumAreRefusedWhereTheyAreMade() {
        Duration tooLong = Duration.ofDays(200_000);
        assertThatThrownBy(() -> new SubscriberSpec("t", "T#on", Integer.class, 1, 10, tooLong, s -> null))
                .hasMessageContaining("T#on").hasMessageContaining("365 days");
        assertThatThrownBy(() -> new PeriodicSpec("P#run", tooLong, Duration.ZERO, () -> null))
                .hasMessageContaining("P#run").hasMessageContaining("365 days");
        assertThatThrownBy(() -> new PeriodicSpec("P#run", Duration.ofSeconds(1), tooLong, () -> null))
                .hasMessageContaining("P#run").hasMessageContaining("365 days");
        assertThat(new BusConfig(tooLong, 10, tooLong, Map.of()).problems("signal-bus."))
                .anySatisfy(p -> assertThat(p).contains("signal-bus.shutdown-timeout").contains("365 days"))
                .anySatisfy(p -> assertThat(p).contains("signal-bus.publish-timeout").contains("365 days"));
        assertThat(new BusConfig(Duration.ofDays(365), 10, Duration.ofDays(365), Map.of()).problems("")).isEmpty();
    }

    @Test
    void awaitIdleTakesAnyDuration() {
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(SubscriberSpec.of("t", "T#on", Integer.class, 1, s -> null)));
        engine.publish("t", 1);

        assertThat(engine.awaitIdle(Duration.ofSeconds(Long.MAX_VALUE))).isTrue();
        assertThat(engine.awaitIdle(Duration.ofSeconds(Long.MIN_VALUE))).isTrue();
    }

    // 4. a batch that could never fill its queue is a problem of the settings and subscribers together

    @Test
    void aBatchLargerThanItsQueueIsRefusedAtBuildNamingTheMethodAndTheKey() {
        SignalBusEngine.Builder builder = bus.builder()
                .config(new BusConfig(HOUR, 10_000, HOUR, Map.of("small", 4)))
                .subscriber(new SubscriberSpec("small", "Small#store", Integer.class, 1, 10, Duration.ofSeconds(1),
                        s -> null))
                .subscriber(new SubscriberSpec("big", "Big#store", Integer.class, 1, 20_000, Duration.ofSeconds(1),
                        s -> null))
                .subscriber(new SubscriberSpec("fits", "Fits#store", Integer.class, 1, 10_000, Duration.ofSeconds(1),
                        s -> null));

        assertThat(builder.problems("signal-bus.")).satisfiesExactly(
                p -> assertThat(p).contains("Small#store").contains("maxSize = 10")
                        .contains("signal-bus.topics.\"small\".queue-capacity").contains("at most 4"),
                p -> assertThat(p).contains("Big#store").contains("maxSize = 20000")
                        .contains("signal-bus.queue-capacity"));
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Small#store").hasMessageContaining("Big#store");
    }

    // 5. an executor that throws an error: the slot is released, the signal stays queued, once

    @Test
    void anExecutorThrowingAnErrorDelaysTheDeliveryButLosesNothing() {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        Executor brittle = task -> {
            if (failOnce.compareAndSet(true, false)) {
                throw new OutOfMemoryError("unable to create native thread: possibly out of memory");
            }
            bus.executor.execute(task);
        };
        List<Integer> received = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = bus.started(bus.builder().executor(brittle)
                .subscriber(SubscriberSpec.of("t", "T#on", Integer.class, 1, s -> received.add((Integer) s))));

        engine.publish("t", 1); // the executor throws; the publish is still accepted

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(received).containsExactly(1));
        engine.publish("t", 2);
        engine.publish("t", 3);
        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(received).containsExactly(1, 2, 3);
        DrainReport report = engine.shutdown();
        assertThat(report.complete()).isTrue();
        assertThat(engine.delivered()).containsEntry("t -> T#on", 3L);
    }

    @Test
    void anExecutorThatQueuesTheTaskAndThenThrowsDeliversEachSignalOnce() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        AtomicInteger calls = new AtomicInteger();
        Executor queuesThenThrows = task -> {
            pool.execute(task); // taken...
            if (calls.incrementAndGet() % 3 == 0) {
                throw new OutOfMemoryError("unable to create native thread"); // ...and then failed
            }
        };
        List<Integer> received = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try {
            SignalBusEngine engine = bus.started(bus.builder().executor(queuesThenThrows)
                    .subscriber(SubscriberSpec.of("t", "T#on", Integer.class, 1, s -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        received.add((Integer) s);
                        running.decrementAndGet();
                        return null;
                    })));
            for (int i = 0; i < 40; i++) {
                engine.publish("t", i);
            }

            assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(received).hasSize(40).doesNotHaveDuplicates();
            assertThat(most).hasValue(1);
            assertThat(engine.shutdown().complete()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    // 6. a backlog is delivered by up to concurrency tasks

    @Test
    void aBacklogPublishedBeforeTheStartIsDeliveredAtFullConcurrency() {
        CountDownLatch fourAtOnce = new CountDownLatch(4);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        SignalBusEngine engine = bus.builder()
                .subscriber(SubscriberSpec.of("t", "T#on", Integer.class, 4, s -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    fourAtOnce.countDown();
                    TestBus.await(fourAtOnce); // returns only once four deliveries run at once
                    running.decrementAndGet();
                    return null;
                })).build();
        for (int i = 0; i < 8; i++) {
            engine.publish("t", i);
        }
        engine.start();

        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(most).hasValue(4);
        assertThat(bus.failures).isEmpty();
        assertThat(engine.delivered()).containsEntry("t -> T#on", 8L);
    }

    // 7. unrouted signals to topics named at run time do not grow the heap

    @Test
    void unroutedTopicsAreCountedOneByOneUpToABoundAndThenTogether() {
        SignalBusEngine engine = bus.started(bus.builder());
        int topics = SignalBusEngine.MAX_UNROUTED_TOPICS * 5;
        for (int i = 0; i < topics; i++) {
            engine.publish("dynamic-" + i, i);
        }
        engine.publish("dynamic-0", 0);

        assertThat(engine.unroutedTopicsTracked()).isEqualTo(SignalBusEngine.MAX_UNROUTED_TOPICS);
        assertThat(engine.unroutedTotal()).isEqualTo(topics + 1L);
        assertThat(engine.unrouted("dynamic-0")).isEqualTo(2);
        assertThat(engine.unrouted("dynamic-" + (topics - 1))).isZero();
    }

    // 8. an async publisher's result still pending when the drain times out is in the report

    @Test
    void anAsyncPublisherResultPendingAtTheTimeoutIsInTheDrainReport() {
        SignalBusEngine engine = bus.started(bus.builder()
                .config(TestBus.config(Duration.ofMillis(300), 10, HOUR))
                .subscriber(SubscriberSpec.of("t", "T#on", Integer.class, 1, s -> null)));
        CompletableFuture<Integer> never = new CompletableFuture<>();
        engine.publish("t", never);
        engine.publish("t", new CompletableFuture<Integer>());
        CompletableFuture<Integer> soon = new CompletableFuture<>();
        engine.publish("t", soon);
        soon.complete(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.delivered().get("t -> T#on") == 1);

        DrainReport report = engine.shutdown();

        assertThat(report.complete()).isFalse();
        assertThat(report.undelivered()).isEqualTo(Map.of("async publisher results for topic 't' not completed", 2L));
        assertThat(engine.delivered()).containsEntry("t -> T#on", 1L);
    }

    // 9. an async delivery completing after the stop says nothing untrue

    @Test
    void anAsyncDeliveryCompletingAfterTheStopLogsNoRefusal() {
        CompletableFuture<Void> result = new CompletableFuture<>();
        CountDownLatch called = new CountDownLatch(1);
        SignalBusEngine engine = bus.started(bus.builder()
                .config(TestBus.config(Duration.ofMillis(300), 10, HOUR))
                .subscriber(SubscriberSpec.of("t", "T#on", Integer.class, 1, s -> {
                    called.countDown();
                    return result;
                })));
        engine.publish("t", 1);
        TestBus.await(called);
        DrainReport report = engine.shutdown();
        assertThat(report.undelivered()).isEqualTo(Map.of("t -> T#on", 1L));
        bus.executor.shutdown(); // the container's pool is gone after the stop

        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(SignalBusEngine.class.getName());
        logger.addHandler(handler);
        try {
            result.complete(null);
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(errors).isEmpty();
        assertThat(engine.delivered()).containsEntry("t -> T#on", 1L);
    }

    // 10. a blank topic is refused

    @Test
    void publishingToABlankTopicIsRefused() {
        SignalBusEngine engine = bus.started(bus.builder());

        assertThatThrownBy(() -> engine.publish("", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank topic");
        assertThatThrownBy(() -> engine.publish(" \t", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(engine.unroutedTotal()).isZero();
    }
}
