package dev.signalbus.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations of {@code @PeriodicTask} and {@code @Batch}: {@code "500ms"},
 * {@code "0.5s"}, {@code "5m"}, {@code "2h"}, {@code "1d"}, ISO-8601 ({@code "PT0.5S"},
 * {@code "P1D"}), and config expressions {@code "${key}"} or {@code "${key:default}"}.
 * <p>
 * Units are case-insensitive ({@code "5S"} is five seconds, {@code "5M"} five minutes; a month
 * is never meant). A number may have a fraction in every unit ({@code "1.5h"}), down to
 * nanoseconds. Negative durations are rejected; zero is accepted here and rejected by the caller
 * where it makes no sense (an {@code every} of zero). Every duration of Signal Bus, written in an
 * annotation or in its settings, is at most {@link #MAX} (365 days): longer ones cannot be
 * scheduled or waited for in nanoseconds, and are rejected here with the same message.
 *
 * <pre>{@code
 * Durations.parse("500ms");                              // PT0.5S
 * Durations.parse("${ticks.every:5s}", config::value);   // the config value, else PT5S
 * }</pre>
 */
public final class Durations {

    /** Appended to every error, so that the fix is in the message. */
    static final String ACCEPTED = "use a number with a unit ms, s, m, h or d (\"500ms\", \"0.5s\", \"5m\", \"2h\", "
            + "\"1d\"), an ISO-8601 duration (\"PT0.5S\", \"P1D\") or a config expression (\"${key}\", "
            + "\"${key:5s}\")";

    // Only splits number and unit; the number itself is read by BigDecimal and the result built by
    // Duration.parse, so there is no number parsing of our own.
    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    /**
     * The longest duration Signal Bus accepts anywhere (annotations, settings, the engine's specs):
     * 365 days. Longer ones overflow the nanosecond arithmetic of schedulers and deadlines.
     */
    public static final Duration MAX = Duration.ofDays(365);

    /** The words for {@link #MAX} in error messages. */
    public static final String MAX_TEXT = "365 days (\"365d\")";

    private static final BigDecimal PAST_MAX_SECONDS = BigDecimal.valueOf(MAX.getSeconds() + 1);
    private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86400);

    private Durations() {
    }

    /**
     * Parses a literal duration.
     *
     * @param text {@code "500ms"}, {@code "0.5s"}, {@code "5m"}, {@code "2h"}, {@code "1d"} or ISO-8601
     * @return the duration, zero or positive, at most {@link #MAX}
     * @throws IllegalArgumentException when {@code text} is blank, negative, longer than
     *         {@link #MAX}, a config expression or not a duration; the message quotes {@code text}
     *         and lists the accepted forms
     */
    public static Duration parse(String text) {
        Duration duration = parseUnchecked(text);
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Invalid duration \"" + text + "\": it must not be negative; "
                    + ACCEPTED);
        }
        if (tooLong(duration)) {
            throw new IllegalArgumentException("Invalid duration \"" + text + "\": it is longer than " + MAX_TEXT
                    + ", the longest Signal Bus can schedule or wait for; use a shorter one");
        }
        return duration;
    }

    /**
     * Parses a literal duration as {@link #parse(String)} does, but of any sign and length: for a value whose range
     * the caller checks and reports in its own words (the bus's settings, {@code BusConfig#problems}). A duration too
     * long for {@link Duration} comes back just longer than {@link #MAX}.
     *
     * @throws IllegalArgumentException when {@code text} is blank, a config expression or not a duration
     */
    public static Duration parseUnchecked(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Invalid duration \"" + (text == null ? "null" : text)
                    + "\": it is blank; " + ACCEPTED);
        }
        if (expressionKey(text) != null) {
            throw new IllegalArgumentException("Invalid duration \"" + text
                    + "\": a config expression needs a resolver (Durations.parse(text, resolver)); " + ACCEPTED);
        }
        String trimmed = text.trim();
        Duration duration = parseOrNull(trimmed);
        if (duration == null && trimmed.startsWith("-")) {
            // "-5s": the unit forms have no sign of their own
            Duration positive = parseOrNull(trimmed.substring(1));
            duration = positive == null ? null : positive.negated();
        }
        if (duration == null) {
            throw new IllegalArgumentException("Invalid duration \"" + text + "\": " + ACCEPTED);
        }
        return duration;
    }

    /** Whether {@code duration} is longer than {@link #MAX}. */
    public static boolean tooLong(Duration duration) {
        return duration != null && duration.compareTo(MAX) > 0;
    }

    /**
     * Parses a duration that may be a config expression.
     * <p>
     * For {@code "${key}"} the value is {@code expressions.apply("key")}. When that returns
     * {@code null} (the key has no value, or cannot be known now, as at Quarkus build time), the
     * default of {@code "${key:default}"} is used if one is written, else this returns {@code null}
     * and the caller checks again once the value can be known (when the bus starts). A resolved
     * value is not itself resolved again. Any other text is parsed as by {@link #parse(String)}.
     *
     * @param text the duration as written
     * @param expressions the config lookup; {@code null} means nothing can be resolved
     * @return the duration, or {@code null} when the expression cannot be resolved now
     * @throws IllegalArgumentException when the text, the resolved value or the default is not a
     *         valid duration; the message names the key
     */
    public static Duration parse(String text, Function<String, String> expressions) {
        Matcher matcher = text == null ? null : EXPRESSION.matcher(text.trim());
        if (matcher == null || !matcher.matches() || matcher.group(1).isBlank()) {
            return parse(text);
        }
        String key = matcher.group(1).trim();
        String value = expressions == null ? null : expressions.apply(key);
        String source = "the value of config key \"" + key + "\"";
        if (value == null) {
            value = matcher.group(2);
            source = "the default of \"" + text.trim() + "\"";
            if (value == null) {
                return null;
            }
        }
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (" + source + ")", e);
        }
    }

    /**
     * Resolves and parses a duration of an annotation when the bus is set up, for both front doors:
     * one wording for every problem, added to {@code problems}.
     *
     * @param method names the method, e.g. {@code "com.acme.Poller#poll"}
     * @param attribute the annotation attribute, e.g. {@code "@PeriodicTask(every)"}
     * @param text the duration as written (may be a config expression)
     * @param expressions the config lookup
     * @param howToSet how the application sets a config property, e.g. {@code "set it in application.properties"}
     * @return the duration, or {@code null} when a problem was added
     */
    public static Duration resolve(String method, String attribute, String text, Function<String, String> expressions,
            String howToSet, List<String> problems) {
        String written = method + ": " + attribute + " = \"" + text + "\"";
        try {
            Duration duration = parse(text, expressions);
            if (duration == null) {
                problems.add(written + ": the config property '" + expressionKey(text) + "' is not set; " + howToSet
                        + ", or write the duration itself, e.g. \"5s\"");
            }
            return duration;
        } catch (IllegalArgumentException e) {
            problems.add(written + " is invalid: " + e.getMessage());
            return null;
        }
    }

    /**
     * The key of a {@code ${key}} or {@code ${key:default}} expression.
     *
     * @return the key, trimmed, or {@code null} if {@code text} is not an expression
     */
    public static String expressionKey(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = EXPRESSION.matcher(text.trim());
        if (!matcher.matches() || matcher.group(1).isBlank()) {
            return null;
        }
        return matcher.group(1).trim();
    }

    private static Duration parseOrNull(String text) {
        try {
            return Duration.parse(toIso(text));
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    private static String toIso(String text) {
        Matcher matcher = WITH_UNIT.matcher(text);
        if (!matcher.matches()) {
            // ISO-8601 or garbage: Duration.parse decides
            return text;
        }
        BigDecimal amount = new BigDecimal(matcher.group(1));
        BigDecimal seconds;
        switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "ms":
                seconds = amount.movePointLeft(3);
                break;
            case "s":
                seconds = amount;
                break;
            case "m":
                seconds = amount.multiply(SECONDS_PER_MINUTE);
                break;
            case "h":
                seconds = amount.multiply(SECONDS_PER_HOUR);
                break;
            default:
                seconds = amount.multiply(SECONDS_PER_DAY);
                break;
        }
        // a number too large for Duration is just as much too long: one second past MAX says so
        return "PT" + seconds.min(PAST_MAX_SECONDS).toPlainString() + "S";
    }
}
