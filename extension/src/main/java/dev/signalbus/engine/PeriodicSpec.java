package dev.signalbus.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;

import dev.signalbus.model.Durations;

/**
 * One periodic task as the engine sees it.
 *
 * @param target {@code "com.acme.Foo#bar"}
 * @param every time between the starts of two runs, positive
 * @param delay time before the first run, zero or positive
 * @param task runs the method once (a front door resolves the bean and arguments and activates a
 *        request context). Publishing a result is the {@code @Publishes} interceptor's job, not
 *        the engine's; a {@link java.util.concurrent.CompletionStage} result makes the run last
 *        until it completes.
 */
public record PeriodicSpec(String target, Duration every, Duration delay, Callable<?> task) {

    public PeriodicSpec {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(task, "task");
        if (every == null || every.isZero() || every.isNegative() || Durations.tooLong(every)) {
            throw new IllegalArgumentException(target + ": every must be positive and at most "
                    + Durations.MAX_TEXT + ", was " + every);
        }
        if (delay == null || delay.isNegative() || Durations.tooLong(delay)) {
            throw new IllegalArgumentException(target + ": delay must be zero or positive and at most "
                    + Durations.MAX_TEXT + ", was " + delay);
        }
    }
}
