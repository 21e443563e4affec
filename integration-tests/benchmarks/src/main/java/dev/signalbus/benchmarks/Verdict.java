package dev.signalbus.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a target is met, decided from an interval rather than from a mean: "met" only if the whole
 * interval clears the target, "missed" only if the whole interval falls short of it, "inconclusive"
 * otherwise, and inconclusive too when there is no interval (JMH gives no error for a single
 * measurement).
 */
enum Verdict {

    MET("met"), MISSED("**missed**"), INCONCLUSIVE("inconclusive");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * A closed interval; for a JMH score, score ± its 99.9% error. {@code high} may be infinite (a ratio
     * to an interval that reaches zero).
     */
    record Interval(double low, double high) {

        /** JMH's interval of a score, or none when JMH gave no error (a single measurement). */
        static Optional<Interval> of(JmhResults.Score score) {
            if (Double.isNaN(score.error()) || Double.isNaN(score.score())) {
                return Optional.empty();
            }
            return Optional.of(new Interval(score.score() - score.error(), score.score() + score.error()));
        }

        /**
         * The interval of the largest of several figures, each known by its interval: whichever of them is
         * the largest, it lies between the largest low end and the largest high end.
         */
        static Interval max(List<Interval> intervals) {
            return new Interval(intervals.stream().mapToDouble(Interval::low).max().orElseThrow(),
                    intervals.stream().mapToDouble(Interval::high).max().orElseThrow());
        }

        /** Every value of {@code this} divided by every value of {@code divisor}, for positive figures. */
        Interval dividedBy(Interval divisor) {
            double low = divisor.high() <= 0 ? 0 : Math.max(0, low()) / divisor.high();
            double high = divisor.low() <= 0 ? Double.POSITIVE_INFINITY : high() / divisor.low();
            return new Interval(low, high);
        }

        /** As ratios, for the report: {@code 1.50x - 2.10x}. */
        String ratios() {
            return Verdict.ratio(low) + " - " + (Double.isInfinite(high) ? "unbounded" : Verdict.ratio(high));
        }
    }

    /** For a target "at least {@code target}". */
    static Verdict atLeast(Optional<Interval> interval, double target) {
        if (interval.isEmpty()) {
            return INCONCLUSIVE;
        }
        Interval i = interval.get();
        return i.low() >= target ? MET : i.high() < target ? MISSED : INCONCLUSIVE;
    }

    /**
     * For a target measured in several runs, without an interval of its own (latency, start-up): met only
     * if every run met it, missed only if every run missed it, inconclusive otherwise or with fewer than
     * {@code minimumRuns} runs.
     */
    static Verdict ofRuns(List<Boolean> runsMet, int minimumRuns) {
        if (runsMet.size() < minimumRuns) {
            return INCONCLUSIVE;
        }
        if (runsMet.stream().allMatch(met -> met)) {
            return MET;
        }
        return runsMet.stream().noneMatch(met -> met) ? MISSED : INCONCLUSIVE;
    }

    /** Two decimals, or two significant digits for small ratios (which would all print as 0.00). */
    static String ratio(double value) {
        return String.format(Locale.ROOT, value >= 0.1 || value == 0 ? "%.2fx" : "%.2gx", value);
    }
}
