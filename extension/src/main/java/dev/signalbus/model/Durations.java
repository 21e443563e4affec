package dev.signalbus.model;

import java.time.Duration;
import java.util.function.Function;

/**
 * Parses the durations of {@code @PeriodicTask} and {@code @Batch}: {@code "500ms"},
 * {@code "0.5s"}, {@code "5m"}, {@code "2h"}, {@code "1d"}, ISO-8601 ({@code "PT0.5S"}), and
 * config expressions {@code "${key}"}.
 */
public final class Durations {

    // IMPLEMENTATION IN PROGRESS (see the helper task)

    private Durations() {
    }

    /** @throws IllegalArgumentException saying what is accepted */
    public static Duration parse(String text) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Resolves a {@code ${key}} expression through {@code expressions} first.
     *
     * @return the duration, or {@code null} when the expression cannot be resolved now
     */
    public static Duration parse(String text, Function<String, String> expressions) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The key of a {@code ${key}} expression, or {@code null} if {@code text} is not one. */
    public static String expressionKey(String text) {
        throw new UnsupportedOperationException("in progress");
    }
}
