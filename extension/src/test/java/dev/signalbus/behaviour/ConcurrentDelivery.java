package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * With {@code concurrency = 3} a subscriber has three deliveries in flight at once, never more; the others wait for a
 * free slot, and all ten are delivered once released.
 */
public class ConcurrentDelivery extends Behaviour {

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    static final AtomicInteger MAX_IN_FLIGHT = new AtomicInteger();
    static final AtomicInteger DONE = new AtomicInteger();

    @Override
    public void run(Container app) {
        SignalBus bus = app.select(SignalBus.class);
        try {
            for (int i = 0; i < 10; i++) {
                bus.publish("work", i);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> IN_FLIGHT.get() == 3);
            // the others wait for a free slot
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> IN_FLIGHT.get() == 3);
            RELEASE.countDown();
            assertThat(bus.awaitIdle(Duration.ofSeconds(20))).isTrue();
            assertThat(DONE).hasValue(10);
            assertThat(MAX_IN_FLIGHT).hasValue(3);
        } finally {
            RELEASE.countDown();
        }
    }

    @ApplicationScoped
    public static class Worker {
        void receive(@Subscribes(value = "work", concurrency = 3) Integer job) throws InterruptedException {
            MAX_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.incrementAndGet(), Math::max);
            try {
                RELEASE.await(30, TimeUnit.SECONDS);
            } finally {
                IN_FLIGHT.decrementAndGet();
                DONE.incrementAndGet();
            }
        }
    }
}
