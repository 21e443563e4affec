package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Idle subscribers hold no thread: deliveries are tasks that end when the queue is empty. */
class IdleHoldsNoThreadTest {

    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(4, 4, 1, TimeUnit.MINUTES,
            new LinkedBlockingQueue<>());

    @AfterEach
    void close() {
        executor.shutdownNow();
    }

    @Test
    void onceIdleNoExecutorThreadIsBusyWithTheBus() {
        AtomicInteger received = new AtomicInteger();
        SignalBusEngine.Builder builder = SignalBusEngine.builder().executor(executor);
        for (int i = 0; i < 6; i++) { // more subscribers than threads
            builder.subscriber(SubscriberSpec.of("t", "Sub" + i + "#on", Integer.class, 1 + i % 3,
                    s -> received.incrementAndGet()));
        }
        builder.subscriber(new SubscriberSpec("t", "Batch#on", Integer.class, 1, 7, Duration.ofMillis(50),
                s -> received.incrementAndGet()));
        SignalBusEngine engine = builder.build();
        engine.start();

        for (int i = 0; i < 2_000; i++) {
            engine.publish("t", i);
        }
        assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();

        // the last drain tasks return right after their final delivery; then nothing holds a thread
        await().atMost(Duration.ofSeconds(5)).until(() -> executor.getActiveCount() == 0);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> executor.getActiveCount() == 0 && executor.getQueue().isEmpty());

        // and a new signal still gets a thread
        int before = received.get();
        engine.publish("t", -1);
        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(received.get()).isEqualTo(before + 7);
        assertThat(engine.shutdown().complete()).isTrue();
    }

    @Test
    void startingAndStoppingWithIdleSubscribersSubmitsNoTask() {
        SignalBusEngine.Builder builder = SignalBusEngine.builder().executor(executor);
        for (int i = 0; i < 1_000; i++) {
            builder.subscriber(SubscriberSpec.of("t" + i, "Sub" + i + "#on", Integer.class, 1, s -> null));
        }
        SignalBusEngine engine = builder.build();
        engine.start();
        assertThat(engine.shutdown().complete()).isTrue();
        // a growing pool (the CDI SE front door's) would have started a thread per submitted task
        assertThat(executor.getTaskCount()).isZero();
    }
}
