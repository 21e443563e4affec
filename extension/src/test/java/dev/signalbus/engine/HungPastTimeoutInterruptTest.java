package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Past the shutdown timeout the engine itself interrupts the deliveries and periodic runs still in
 * progress: on a pool it does not own (the Quarkus worker pool, a managed executor) nobody else
 * would until the container stops that pool. The threads go back to the pool without the interrupt.
 */
class HungPastTimeoutInterruptTest {

    private final TestBus bus = new TestBus(2);

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void aHungDeliveryAndAHungPeriodicRunAreInterruptedAndTheirThreadsReturnClean() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        Callable<Object> hang = () -> {
            started.incrementAndGet();
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                Thread.currentThread().interrupt(); // as a careful subscriber does
            }
            return null;
        };
        SignalBusEngine engine = bus.started(bus.builder()
                .config(TestBus.config(Duration.ofMillis(300), 100, Duration.ofSeconds(1)))
                .subscriber(SubscriberSpec.of("exports", "Exports#hang", Integer.class, 1,
                        signal -> hang.call()))
                .periodic(new PeriodicSpec("Ticker#hang", Duration.ofMillis(10), Duration.ZERO, hang)));
        engine.publish("exports", 1);
        engine.publish("exports", 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> started.get() == 2);

        DrainReport report = engine.shutdown();

        assertThat(report.complete()).isFalse();
        assertThat(report.undelivered()).containsEntry("exports -> Exports#hang", 2L)
                .containsEntry("periodic task Ticker#hang", 1L);
        await().atMost(Duration.ofSeconds(10)).until(() -> interrupted.get() == 2);
        // the pool's threads are free again and carry no interrupt into the next task
        Future<Boolean> next = bus.executor.submit(() -> Thread.currentThread().isInterrupted());
        assertThat(next.get(10, TimeUnit.SECONDS)).isFalse();
    }
}
