package dev.signalbus.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where periodic tasks are scheduled: quarkus-scheduler on Quarkus, the managed scheduled
 * executor on Jakarta EE, a bus-owned executor on plain CDI SE. The engine wraps each run so that
 * runs never overlap, failures are reported and no run starts once the drain has begun.
 */
@FunctionalInterface
public interface PeriodicScheduler {

    /**
     * Schedules {@code run} every {@code every} after {@code delay}.
     *
     * @param id a unique, stable id ({@code "com.acme.Foo#bar"})
     * @return a handle the engine uses to stop the schedule when it drains
     */
    Cancellation schedule(String id, Duration delay, Duration every, Runnable run);

    /** Stops a schedule; a run in progress is not interrupted. */
    @FunctionalInterface
    interface Cancellation {
        void cancel();
    }

    /**
     * A scheduler on a {@link ScheduledExecutorService}, at a fixed rate (whose runs never overlap).
     */
    static PeriodicScheduler of(ScheduledExecutorService executor) {
        return (id, delay, every, run) -> {
            ScheduledFuture<?> future = executor.scheduleAtFixedRate(run, delay.toNanos(), every.toNanos(),
                    TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
