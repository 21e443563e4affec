package dev.signalbus;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Delivers signals to a subscriber in batches. The {@link Subscribes} parameter must be a
 * {@link java.util.List} whose element type accepts the topic's signals.
 * <p>
 * A batch is delivered as soon as it holds {@link #maxSize()} signals, or when the oldest signal
 * in it has waited {@link #maxWait()}; it never exceeds {@code maxSize}. On shutdown a partial
 * batch is delivered at once.
 *
 * <pre>{@code
 * @Batch(maxSize = 100, maxWait = "2s")
 * void store(@Subscribes("readings") List<Reading> readings, Repository repository) {
 *     repository.saveAll(readings);
 * }
 * }</pre>
 */
@Retention(RUNTIME)
@Target(METHOD)
public @interface Batch {

    /** The largest batch; must be positive. */
    int maxSize() default 10;

    /**
     * How long a non-empty batch may wait to fill up: {@code "500ms"}, {@code "10s"},
     * {@code "5m"}, ISO-8601 {@code "PT2S"}, or a config expression {@code "${key}"}.
     */
    String maxWait() default "10s";
}
