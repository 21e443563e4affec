package dev.signalbus.quarkus.runtime;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.signalbus.engine.PeriodicScheduler;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Scheduler.JobDefinition;

/**
 * Periodic tasks as quarkus-scheduler jobs (identity {@code "com.acme.Foo#bar"}), so that
 * {@code quarkus.scheduler.enabled=false}, {@link Scheduler#pause()} and {@link Scheduler#pause(String)} apply.
 * <p>
 * quarkus-scheduler's simple scheduler checks its triggers once a second, so a task whose period is shorter runs at
 * fixed rate on the Quarkus managed executor instead; it still skips its runs while the scheduler is paused and does
 * not run when the scheduler is disabled.
 */
final class QuarkusPeriodicScheduler implements PeriodicScheduler {

    private static final QuarkusLog LOG = QuarkusLog.of(QuarkusPeriodicScheduler.class);
    private static final Duration TRIGGER_CHECK_PERIOD = Duration.ofSeconds(1);

    private final Scheduler scheduler;
    private final ScheduledExecutorService executor;

    QuarkusPeriodicScheduler(Scheduler scheduler, ScheduledExecutorService executor) {
        this.scheduler = scheduler;
        this.executor = executor;
    }

    @Override
    public Cancellation schedule(String id, Duration delay, Duration every, Runnable run) {
        if (!scheduler.isStarted()) {
            LOG.schedulerDisabled(id);
            return NOTHING;
        }
        if (every.compareTo(TRIGGER_CHECK_PERIOD) < 0) {
            ScheduledFuture<?> future = executor.scheduleAtFixedRate(new Runnable() {
                @Override
                public void run() {
                    if (scheduler.isRunning()) {
                        run.run();
                    }
                }
            }, delay.toNanos(), every.toNanos(), TimeUnit.NANOSECONDS);
            LOG.debugf("Periodic task %s scheduled every %s on the managed executor", id, every);
            return new Cancellation() {
                @Override
                public void cancel() {
                    future.cancel(false);
                }
            };
        }
        JobDefinition<?> job = scheduler.newJob(id)
                .setInterval(every.toString())
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(new Consumer<ScheduledExecution>() {
                    @Override
                    public void accept(ScheduledExecution execution) {
                        run.run();
                    }
                });
        if (!delay.isZero()) {
            job.setDelayed(delay.toString());
        }
        job.schedule();
        LOG.debugf("Periodic task %s scheduled every %s as a quarkus-scheduler job", id, every);
        return new Cancellation() {
            @Override
            public void cancel() {
                if (scheduler.isStarted()) {
                    scheduler.unscheduleJob(id);
                }
            }
        };
    }

    private static final Cancellation NOTHING = new Cancellation() {
        @Override
        public void cancel() {
        }
    };
}
