package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/** With concurrency N a subscriber has up to N deliveries in flight at once, never more. */
class ConcurrencyNRunsNAtOnceTest {

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    static final AtomicInteger MAX_IN_FLIGHT = new AtomicInteger();
    static final AtomicInteger DONE = new AtomicInteger();

    @Test
    void threeDeliveriesRunAtOnce() {
        try (WeldContainer container = Cdi.boot(Subscriber.class)) {
            SignalBus bus = container.select(SignalBus.class).get();
            for (int i = 0; i < 10; i++) {
                bus.publish("work", i);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> IN_FLIGHT.get() == 3);
            // the others wait for a free slot
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> IN_FLIGHT.get() == 3);
            RELEASE.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> DONE.get() == 10);
            assertThat(MAX_IN_FLIGHT).hasValue(3);
        } finally {
            RELEASE.countDown();
        }
    }

    @ApplicationScoped
    static class Subscriber {
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
