package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every subscriber has its own queue: a slow or failing one never delays the others. */
class SubscriberIsolationTest {

    // two threads: the blocked subscriber holds one, the others must manage with the other
    private final TestBus bus = new TestBus(2);

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void aBlockedSubscriberDoesNotDelayAnotherSubscriberOfTheSameTopic() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slow = new AtomicInteger();
        AtomicInteger fast = new AtomicInteger();
        AtomicInteger failing = new AtomicInteger();
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(SubscriberSpec.of("t", "Slow#on", Integer.class, 1, s -> {
                    slow.incrementAndGet();
                    TestBus.await(release);
                    return null;
                }))
                .subscriber(SubscriberSpec.of("t", "Failing#on", Integer.class, 1, s -> {
                    failing.incrementAndGet();
                    throw new IllegalArgumentException("always");
                }))
                .subscriber(SubscriberSpec.of("t", "Fast#on", Integer.class, 1, s -> fast.incrementAndGet())));

        for (int i = 0; i < 200; i++) {
            engine.publish("t", i);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> fast.get() == 200 && failing.get() == 200);
        assertThat(slow).hasValue(1);
        assertThat(engine.awaitIdle(Duration.ofMillis(100))).isFalse();

        release.countDown();
        assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(slow).hasValue(200);
        assertThat(engine.delivered()).containsEntry("t -> Fast#on", 200L).containsEntry("t -> Slow#on", 200L)
                .containsEntry("t -> Failing#on", 0L);
        assertThat(engine.failed()).containsEntry("t -> Failing#on", 200L);
    }
}
