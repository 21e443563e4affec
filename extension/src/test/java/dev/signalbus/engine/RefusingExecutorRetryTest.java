package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An executor that refuses tasks for a while as the bus runs (a server suspended for maintenance
 * and resumed) delays the deliveries, it does not strand them: the signals queued meanwhile are
 * delivered, in order, once it takes tasks again, though nobody publishes any more.
 */
class RefusingExecutorRetryTest {

    private final TestBus bus = new TestBus(2);
    private volatile boolean refusing;
    private final AtomicInteger refused = new AtomicInteger();
    private final Executor suspendable = task -> {
        if (refusing) {
            refused.incrementAndGet();
            throw new RejectedExecutionException("suspended");
        }
        bus.executor.execute(task);
    };

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void signalsQueuedWhileTheExecutorRefusesAreDeliveredWhenItTakesTasksAgain() {
        List<Integer> received = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = bus.started(bus.builder().executor(suspendable)
                .subscriber(SubscriberSpec.of("t", "Sub#on", Integer.class, 1, s -> received.add((Integer) s))));
        refusing = true;
        for (int i = 0; i < 5; i++) {
            engine.publish("t", i);
        }
        // offered again while refused: at least the first attempt and one retry
        await().atMost(Duration.ofSeconds(10)).until(() -> refused.get() >= 2);
        assertThat(received).isEmpty();

        refusing = false; // resumed; nothing else is published

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(received).containsExactly(0, 1, 2, 3, 4));
        assertThat(engine.shutdown().complete()).isTrue();
    }
}
