package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An executor that stops taking tasks before the application stops (WildFly suspends its managed
 * executors first on a server shutdown) does not stop the drain: it goes on on the bus's own
 * {@code signal-bus-drain} thread, which is gone once the drain has ended.
 */
class RefusingExecutorDrainTest {

    private final TestBus bus = new TestBus(2);
    private volatile boolean suspended;
    /** The pool, until {@link #suspended}; then it refuses, as a suspended server's executor does. */
    private final Executor suspendable = task -> {
        if (suspended) {
            throw new RejectedExecutionException("suspended");
        }
        bus.executor.execute(task);
    };

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void aChainPublishedBeforeTheExecutorRefusesIsDrainedToTheEnd() {
        int signals = 200;
        AtomicInteger end = new AtomicInteger();
        AtomicReference<SignalBusEngine> self = new AtomicReference<>();
        SignalBusEngine engine = bus.started(bus.builder().executor(suspendable)
                .subscriber(SubscriberSpec.of("a", "A#on", Integer.class, 1, s -> {
                    self.get().publish("b", s);
                    return null;
                }))
                .subscriber(SubscriberSpec.of("b", "B#on", Integer.class, 1, s -> {
                    Thread.sleep(1); // simulated work: most of the chain is still queued at the stop
                    self.get().publish("c", s);
                    return null;
                }))
                .subscriber(SubscriberSpec.of("c", "C#on", Integer.class, 1, s -> end.incrementAndGet())));
        self.set(engine);
        for (int i = 0; i < signals; i++) {
            engine.publish("a", i);
        }
        suspended = true;

        DrainReport report = engine.shutdown();

        assertThat(report.complete()).isTrue();
        assertThat(report.undelivered()).isEmpty();
        assertThat(end).hasValue(signals);
        assertThat(bus.failures).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> !drainThreadAlive());
    }

    @Test
    void pastTheTimeoutTheDrainThreadIsInterruptedAndEnds() {
        CountDownLatch started = new CountDownLatch(1);
        SignalBusEngine engine = bus.started(bus.builder().executor(suspendable)
                .config(TestBus.config(Duration.ofMillis(300), 100, Duration.ofSeconds(1)))
                .subscriber(SubscriberSpec.of("t", "Hung#on", Integer.class, 1, s -> {
                    started.countDown();
                    Thread.sleep(60_000); // hung until interrupted
                    return null;
                })));
        suspended = true;
        engine.publish("t", 1); // refused by the executor: queued, delivered by the drain thread
        engine.publish("t", 2);

        DrainReport report = engine.shutdown();

        TestBus.await(started);
        assertThat(report.complete()).isFalse();
        assertThat(report.undelivered()).isEqualTo(Map.of("t -> Hung#on", 2L));
        await().atMost(Duration.ofSeconds(10)).until(() -> !drainThreadAlive());
    }

    private static boolean drainThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("signal-bus-drain") && t.isAlive());
    }
}
