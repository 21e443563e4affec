package dev.signalbus.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.signalbus.SignalFailure;

/**
 * Plain pools for engine tests (no container), shut down after each test (interrupting whatever
 * a failed test left blocked) so that no test leaves a thread behind.
 */
final class TestBus implements AutoCloseable {

    final ExecutorService executor;
    final ScheduledExecutorService scheduled = Executors.newScheduledThreadPool(2);
    final List<SignalFailure> failures = new CopyOnWriteArrayList<>();

    TestBus(int threads) {
        executor = Executors.newFixedThreadPool(threads);
    }

    /** A builder on this bus's pools that records every failure in {@link #failures}. */
    SignalBusEngine.Builder builder() {
        return SignalBusEngine.builder()
                .executor(executor)
                .scheduler(PeriodicScheduler.of(scheduled))
                .failureHandler(failures::add);
    }

    SignalBusEngine started(SignalBusEngine.Builder builder) {
        SignalBusEngine engine = builder.build();
        engine.start();
        return engine;
    }

    static BusConfig config(Duration shutdownTimeout, int queueCapacity, Duration publishTimeout) {
        return new BusConfig(shutdownTimeout, queueCapacity, publishTimeout, Map.of());
    }

    /** Starts a daemon platform thread (Java 17: no {@code Thread.ofPlatform()}). */
    static Thread thread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released within 30s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        scheduled.shutdownNow();
    }
}
