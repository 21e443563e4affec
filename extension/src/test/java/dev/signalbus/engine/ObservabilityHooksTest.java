package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;

/**
 * The engine's observability hooks, without any metrics library: topics named at run time make
 * at most {@link SignalBusEngine#MAX_UNROUTED_TOPICS} handles and then share {@code other}; a
 * delivery past {@code stuck-delivery-threshold} is named; the phase follows start and drain.
 */
class ObservabilityHooksTest {

    /** Counts per topic name, and the names asked for. */
    static final class Counting implements BusMetrics {
        final List<String> topics = new CopyOnWriteArrayList<>();
        final Map<String, AtomicLong> unrouted = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> published = new ConcurrentHashMap<>();
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong queued = new AtomicLong();
        volatile boolean closed;

        @Override
        public Topic topic(String topic) {
            topics.add(topic);
            AtomicLong p = published.computeIfAbsent(topic, t -> new AtomicLong());
            AtomicLong u = unrouted.computeIfAbsent(topic, t -> new AtomicLong());
            return new Topic() {
                @Override
                public void published() {
                    p.incrementAndGet();
                }

                @Override
                public void unrouted() {
                    u.incrementAndGet();
                }

                @Override
                public void rejected() {
                }
            };
        }

        @Override
        public Subscriber subscriber(String topic, String target, IntSupplier queueDepth) {
            return new Subscriber() {
                @Override
                public void queued(long nanos) {
                    assertThat(nanos).isNotNegative();
                    queued.incrementAndGet();
                }

                @Override
                public void delivered(long nanos, boolean success) {
                    delivered.incrementAndGet();
                }
            };
        }

        @Override
        public Periodic periodic(String target) {
            return (nanos, success) -> {
            };
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A bus with a stuck-delivery threshold and {@code Worker#run} on topic {@code jobs}, held until released. */
    private static SignalBusEngine.Builder held(TestBus bus, Duration threshold, CountDownLatch started,
            CountDownLatch release) {
        BusConfig config = new BusConfig(Duration.ofSeconds(30), 100, Duration.ofSeconds(1), Map.of(), threshold);
        return bus.builder().config(config)
                .subscriber(SubscriberSpec.of("jobs", "Worker#run", String.class, 1, signal -> {
                    started.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    return null;
                }));
    }

    @Test
    void topicsNamedAtRunTimeShareOneHandleBeyondTheBound() {
        Counting metrics = new Counting();
        try (TestBus bus = new TestBus(2)) {
            SignalBusEngine engine = bus.started(bus.builder().metrics(metrics)
                    .subscriber(SubscriberSpec.of("known", "T#known", String.class, 1, signal -> null)));
            int extra = 7;
            for (int i = 0; i < SignalBusEngine.MAX_UNROUTED_TOPICS + extra; i++) {
                engine.publish("runtime-" + i, "x");
                engine.publish("runtime-" + i, "y");
            }
            engine.publish("known", "a");
            assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();

            assertThat(metrics.topics).hasSize(SignalBusEngine.MAX_UNROUTED_TOPICS + 2) // + known + other
                    .doesNotHaveDuplicates()
                    .contains("known", BusMetrics.OTHER_TOPICS, "runtime-0")
                    .doesNotContain("runtime-" + SignalBusEngine.MAX_UNROUTED_TOPICS);
            assertThat(metrics.unrouted.get(BusMetrics.OTHER_TOPICS)).hasValue(2L * extra);
            assertThat(metrics.published.get(BusMetrics.OTHER_TOPICS)).hasValue(2L * extra);
            assertThat(metrics.unrouted.get("runtime-0")).hasValue(2);
            assertThat(metrics.published.get("known")).hasValue(1);
            assertThat(metrics.unrouted.get("known")).hasValue(0);
            assertThat(metrics.queued).hasValue(1);
            assertThat(metrics.delivered).hasValue(1);
            engine.shutdown();
            assertThat(metrics.closed).isTrue();
        }
    }

    @Test
    void aDeliveryPastTheThresholdIsNamedUntilItEnds() {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (TestBus bus = new TestBus(2)) {
            SignalBusEngine engine = held(bus, Duration.ofMillis(200), started, release).watchDeliveries(true)
                    .subscriber(SubscriberSpec.of("jobs", "Worker#fast", String.class, 1, signal -> null))
                    .build();
            assertThat(engine.phase()).isEqualTo(SignalBusEngine.Phase.NEW);
            engine.start();
            assertThat(engine.phase()).isEqualTo(SignalBusEngine.Phase.RUNNING);
            engine.publish("jobs", "long");
            TestBus.await(started);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(engine.stuckDeliveries())
                    .singleElement().asString().startsWith("Worker#run (topic 'jobs') for PT"));
            release.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> engine.stuckDeliveries().isEmpty());
            engine.shutdown();
            assertThat(engine.phase()).isEqualTo(SignalBusEngine.Phase.STOPPED);
        } finally {
            release.countDown();
        }
    }

    @Test
    void unwatchedDeliveriesAreNeverCalledStuck() {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (TestBus bus = new TestBus(2)) {
            SignalBusEngine engine = bus.started(held(bus, Duration.ofMillis(1), started, release));
            engine.publish("jobs", "long");
            TestBus.await(started);
            // the delivery takes no time stamp unless watched: the clock is not read on the delivery path
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> engine.stuckDeliveries().isEmpty());
            release.countDown();
            engine.shutdown();
        } finally {
            release.countDown();
        }
    }
}
