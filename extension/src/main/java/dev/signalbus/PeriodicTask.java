package dev.signalbus;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Runs a bean method periodically while the application runs. All of its parameters are CDI
 * injection points. Runs never overlap; a failing run is logged and fired as a
 * {@link SignalFailure} event, and the task keeps its schedule. When the application stops, no
 * new run starts and a running one is allowed to finish before the bus drains.
 * <p>
 * Combined with {@link Publishes}, each run's return value is published:
 * <pre>{@code
 * @PeriodicTask(every = "0.5s")
 * @Publishes("ticks")
 * Instant tick(Clock clock) {
 *     return clock.instant();
 * }
 * }</pre>
 * Durations accept {@code "500ms"}, {@code "0.5s"}, {@code "5m"}, {@code "2h"}, {@code "1d"},
 * ISO-8601 ({@code "PT0.5S"}) and config expressions ({@code "${ticks.every}"}).
 */
@Retention(RUNTIME)
@Target(METHOD)
public @interface PeriodicTask {

    /** Time between the starts of two runs; must be positive. */
    String every();

    /** Time before the first run; zero or positive. */
    String delay() default "0s";
}
