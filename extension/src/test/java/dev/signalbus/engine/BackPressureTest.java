package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bounded queues: a publisher into a full queue waits up to publish-timeout, then fails naming the
 * topic and subscriber; a thread that must not block fails at once; nothing queued is dropped.
 */
class BackPressureTest {

    private final TestBus bus = new TestBus(4);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch firstTaken = new CountDownLatch(1);
    private final List<Object> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        release.countDown();
        bus.close();
    }

    /** Capacity 2 and a blocked subscriber: signal 0 is in flight, 1 and 2 fill the queue. */
    private SignalBusEngine fullQueue(BusConfig config, boolean blockingAllowed) {
        SignalBusEngine engine = bus.started(bus.builder()
                .config(config)
                .blockingAllowed(() -> blockingAllowed)
                .subscriber(SubscriberSpec.of("orders", "com.acme.Billing#charge", Integer.class, 1, s -> {
                    firstTaken.countDown();
                    TestBus.await(release);
                    received.add(s);
                    return null;
                })));
        engine.publish("orders", 0);
        TestBus.await(firstTaken);
        engine.publish("orders", 1);
        engine.publish("orders", 2);
        return engine;
    }

    @Test
    void aPublisherWaitsForPublishTimeoutThenFailsNamingTopicAndSubscriber() {
        Duration publishTimeout = Duration.ofMillis(400);
        SignalBusEngine engine = fullQueue(TestBus.config(Duration.ofSeconds(10), 2, publishTimeout), true);

        long start = System.nanoTime();
        assertThatThrownBy(() -> engine.publish("orders", 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'orders'")
                .hasMessageContaining("com.acme.Billing#charge")
                .hasMessageContaining("full");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(waited).isGreaterThanOrEqualTo(publishTimeout).isLessThan(publishTimeout.plusSeconds(5));

        release.countDown();
        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
        // everything accepted is delivered, the refused signal is not
        assertThat(received).containsExactly(0, 1, 2);
    }

    @Test
    void aWaitingPublisherProceedsAsSoonAsThereIsRoomAndNothingIsDropped() {
        SignalBusEngine engine = fullQueue(TestBus.config(Duration.ofSeconds(10), 2, Duration.ofSeconds(30)), true);
        AtomicReference<Throwable> publisherFailure = new AtomicReference<>();
        Thread publisher = TestBus.thread("publisher", () -> {
            try {
                for (int i = 3; i < 50; i++) {
                    engine.publish("orders", i);
                }
            } catch (Throwable t) {
                publisherFailure.set(t);
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> publisher.getState() == Thread.State.TIMED_WAITING);
        assertThat(received).isEmpty();
        release.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> !publisher.isAlive());
        assertThat(publisherFailure).hasValue(null);
        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(received).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
    }

    @Test
    void aSignalRefusedByOneFullSubscriberReachesNoSubscriberOfTheTopic() {
        // the publisher is told "not published": a retry must not give the other subscriber a duplicate
        List<Object> other = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = bus.started(bus.builder()
                .config(TestBus.config(Duration.ofSeconds(10), 2, Duration.ofMillis(200)))
                .subscriber(SubscriberSpec.of("orders", "com.acme.Audit#record", Integer.class, 1, other::add))
                .subscriber(SubscriberSpec.of("orders", "com.acme.Billing#charge", Integer.class, 1, s -> {
                    firstTaken.countDown();
                    TestBus.await(release);
                    received.add(s);
                    return null;
                })));
        engine.publish("orders", 0);
        TestBus.await(firstTaken);
        engine.publish("orders", 1);
        engine.publish("orders", 2);

        assertThatThrownBy(() -> engine.publish("orders", 3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("com.acme.Billing#charge").hasMessageContaining("not published");
        release.countDown();

        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(received).containsExactly(0, 1, 2);
        assertThat(other).containsExactly(0, 1, 2);
    }

    @Test
    void aThreadThatMustNotBlockFailsAtOnce() {
        // a long publish timeout: only "must not block" can make this fail quickly
        SignalBusEngine engine = fullQueue(TestBus.config(Duration.ofSeconds(10), 2, Duration.ofSeconds(60)), false);

        long start = System.nanoTime();
        assertThatThrownBy(() -> engine.publish("orders", 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'orders'")
                .hasMessageContaining("com.acme.Billing#charge")
                .hasMessageContaining("must not block");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        release.countDown();
        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(received).containsExactly(0, 1, 2);
    }

    @Test
    void aPerTopicCapacityOverridesTheDefault() {
        BusConfig config = new BusConfig(Duration.ofSeconds(10), 10_000, Duration.ZERO, Map.of("orders", 2));
        SignalBusEngine engine = fullQueue(config, true);

        assertThatThrownBy(() -> engine.publish("orders", 3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("(2 signals)");

        release.countDown();
        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(received).containsExactly(0, 1, 2);
        assertThat(engine.delivered()).containsEntry("orders -> com.acme.Billing#charge", 3L);
    }

    @Test
    void aFullQueueBeforeStartFailsAtOnceInsteadOfWaitingForAStartThatCannotComeWhileWeWait() {
        SignalBusEngine engine = SignalBusEngine.builder()
                .executor(bus.executor)
                .config(TestBus.config(Duration.ofSeconds(10), 2, Duration.ofSeconds(60)))
                .subscriber(SubscriberSpec.of("orders", "com.acme.Billing#charge", Integer.class, 1, received::add))
                .build();
        engine.publish("orders", 0);
        engine.publish("orders", 1);

        long start = System.nanoTime();
        assertThatThrownBy(() -> engine.publish("orders", 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'orders'").hasMessageContaining("com.acme.Billing#charge")
                .hasMessageContaining("before the bus started");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        engine.start();
        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(received).containsExactly(0, 1);
    }
}
