package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/** {@code concurrency = N} lets N deliveries of one subscriber run at once on the worker pool. */
public class ConcurrentDeliveryTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Parallel.class));

    @Inject
    SignalBus bus;

    @Inject
    Parallel parallel;

    @Test
    void fourDeliveriesInFlightAtOnce() {
        for (int i = 0; i < 8; i++) {
            bus.publish("work", i);
        }
        assertThat(bus.awaitIdle(Duration.ofSeconds(20))).isTrue();
        // each delivery waits until four are in flight: with fewer at once the latch times out and they fail
        assertThat(parallel.completed()).isEqualTo(8);
        assertThat(parallel.maxInFlight()).isEqualTo(4);
    }

    @ApplicationScoped
    static class Parallel {
        private final CountDownLatch fourArrived = new CountDownLatch(4);
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger maxInFlight = new AtomicInteger();
        private final AtomicInteger completed = new AtomicInteger();

        void work(@Subscribes(value = "work", concurrency = 4) Integer item) throws InterruptedException {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            fourArrived.countDown();
            if (fourArrived.await(10, TimeUnit.SECONDS)) {
                completed.incrementAndGet();
            }
            inFlight.decrementAndGet();
        }

        int completed() {
            return completed.get();
        }

        int maxInFlight() {
            return maxInFlight.get();
        }
    }
}
