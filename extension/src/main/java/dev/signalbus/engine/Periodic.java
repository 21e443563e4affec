package dev.signalbus.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A periodic task: never overlaps itself, reports failures, starts no run once the drain began. It
 * sees the bus through {@link PeriodicHost} only.
 */
final class Periodic implements Runnable {

    final PeriodicSpec spec;
    private final PeriodicHost host;
    /** {@code null} without metrics. */
    private final BusMetrics.Periodic metrics;
    private final AtomicBoolean running = new AtomicBoolean();
    /** The thread of the run in progress, if any. */
    private final Runners runners = new Runners();
    private volatile PeriodicScheduler.Cancellation cancellation;
    /** Start of the last run; only touched while holding {@code running}. */
    private long lastStart;
    private boolean started;
    /** Wall-clock start of the last run ({@link System#currentTimeMillis()}), 0 before the first; for the Dev UI. */
    private volatile long lastRunMillis;

    Periodic(PeriodicSpec spec, PeriodicHost host, BusMetrics metrics) {
        this.spec = spec;
        this.host = host;
        this.metrics = metrics == null ? null : metrics.periodic(spec.target());
    }

    void schedule(PeriodicScheduler scheduler) {
        cancellation = scheduler.schedule(spec.target(), spec.delay(), spec.every(), this);
    }

    void cancel() {
        PeriodicScheduler.Cancellation c = cancellation;
        if (c != null) {
            c.cancel();
        }
    }

    boolean running() {
        return running.get();
    }

    /** After a drain that timed out: interrupts the run still in progress. @return how many were interrupted */
    int interruptRunning() {
        return runners.interrupt();
    }

    @Override
    public void run() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous run (or its async result) is still going: skip, never overlap
        }
        long now = System.nanoTime();
        if (started && now - lastStart < spec.every().toNanos() / 2) {
            // a fixed-rate scheduler catching up after a slow run: skip the missed ticks rather
            // than run (and publish) a burst
            running.set(false);
            return;
        }
        started = true;
        lastStart = now;
        lastRunMillis = System.currentTimeMillis();
        host.pending().increment();
        if (!host.running()) {
            finish(null, false, null);
            return;
        }
        Object result;
        BusTracing tracing = host.tracing();
        BusTracing.Traced span = tracing == null ? null : tracing.run(spec.target());
        Runners.Slot runner = runners.enter(Thread.currentThread());
        runner.since = now;
        try {
            result = spec.task().call();
        } catch (Throwable t) {
            detach(span);
            finish(t, true, span);
            return;
        } finally {
            runners.leave(runner);
        }
        detach(span);
        if (result instanceof CompletionStage<?> stage
                && !(stage instanceof CompletableFuture<?> cf && cf.isDone() && !cf.isCompletedExceptionally())) {
            stage.whenComplete((ignored, failure) -> finish(failure, true, span));
        } else {
            finish(null, true, span);
        }
    }

    private static void detach(BusTracing.Traced span) {
        if (span != null) {
            span.detach();
        }
    }

    /**
     * When the longest-running current run began ({@link System#nanoTime()}), or 0 if none runs on
     * a thread now.
     */
    long runningSince() {
        return runners.oldestSince();
    }

    /** Wall-clock start of the last run, 0 before the first. */
    long lastRunMillis() {
        return lastRunMillis;
    }

    /** @param ran whether the task ran (not a tick skipped because the bus no longer runs) */
    private void finish(Throwable failure, boolean ran, BusTracing.Traced span) {
        if (ran && metrics != null) {
            metrics.ran(System.nanoTime() - lastStart, failure == null);
        }
        if (span != null) {
            span.end(failure == null ? null : Failures.unwrap(failure));
        }
        try {
            if (failure != null) {
                host.failures().report(null, spec.target(), null, failure);
            }
        } finally {
            running.set(false);
            host.pending().decrement();
        }
    }
}
