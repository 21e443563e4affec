package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code concurrency = N} allows up to N deliveries at once, never more. */
class ConcurrencyLimitTest {

    private final TestBus bus = new TestBus(8);
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxActive = new AtomicInteger();

    @AfterEach
    void close() {
        bus.close();
    }

    private void enter() {
        maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
    }

    @Test
    void blockedDeliveriesFillExactlyNSlotsAndTheRestWait() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(SubscriberSpec.of("t", "Sub#on", Integer.class, 4, s -> {
                    enter();
                    started.incrementAndGet();
                    TestBus.await(release);
                    active.decrementAndGet();
                    return null;
                })));

        for (int i = 0; i < 20; i++) {
            engine.publish("t", i);
        }

        // 8 threads are free, but only 4 deliveries may run
        await().atMost(Duration.ofSeconds(10)).until(() -> active.get() == 4);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> started.get() == 4 && active.get() == 4);
        release.countDown();

        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(started).hasValue(20);
        assertThat(maxActive).hasValue(4);
    }

    @Test
    void neverMoreThanNInFlightUnderLoadAndEverySignalDeliveredOnce() {
        int signals = 20_000;
        AtomicIntegerArray seen = new AtomicIntegerArray(signals);
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(SubscriberSpec.of("t", "Sub#on", Integer.class, 3, s -> {
                    enter();
                    seen.incrementAndGet((Integer) s);
                    Thread.onSpinWait();
                    active.decrementAndGet();
                    return null;
                })));

        for (int i = 0; i < signals; i++) {
            engine.publish("t", i);
        }

        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(maxActive.get()).isBetween(1, 3);
        for (int i = 0; i < signals; i++) {
            assertThat(seen.get(i)).as("deliveries of signal %d", i).isEqualTo(1);
        }
    }
}
