package dev.signalbus.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The throughput figures of the Quarkus application ({@link QuarkusBenchApp}): one line per measured round,
 * {@code peer subscribers round seconds published published/s}, from one JVM per peer and number of subscribers.
 * Summarized per peer and number of subscribers as the mean of the rounds' published signals per second, their
 * lowest and highest, and a 99.9% interval: mean +- t(0.9995, n - 1) x sd / sqrt(n) over the n rounds (Student's t,
 * as JMH computes its error over iterations). The rounds come from one JVM, so the interval carries the spread from
 * round to round, not from JVM to JVM.
 * <p>
 * Usage (run.sh): {@code QuarkusResults --rate-from quarkus-throughput.tsv --subscribers n [--fraction 0.5]} prints
 * that fraction of Signal Bus's mean published signals per second, the latency run's offered rate.
 */
public final class QuarkusResults {

    static final String HEADER = "peer\tsubscribers\tround\tseconds\tpublished\tpublished/s";
    static final double CONFIDENCE = 0.999;

    /** One measured round. */
    record Round(String peer, int subscribers, int round, double seconds, long published, double rate) {

        static Round parse(String line) {
            String[] f = line.split("\t");
            if (f.length != 6) {
                throw new IllegalArgumentException("Expected 6 tab-separated fields (" + HEADER + "), got: " + line);
            }
            return new Round(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Double.parseDouble(f[3]),
                    Long.parseLong(f[4]), Double.parseDouble(f[5]));
        }
    }

    /** The rounds of one peer and number of subscribers; {@code halfWidth} is NaN with fewer than 2 rounds. */
    record Summary(String peer, int subscribers, int rounds, double mean, double sd, double min, double max,
            double halfWidth) {

        /** mean +- halfWidth, or none with fewer than two rounds. */
        Optional<Verdict.Interval> interval() {
            return Double.isNaN(halfWidth) ? Optional.empty()
                    : Optional.of(new Verdict.Interval(mean - halfWidth, mean + halfWidth));
        }
    }

    private QuarkusResults() {
    }

    public static void main(String[] args) throws IOException {
        Args a = new Args(args);
        List<Summary> summaries = summarize(read(Path.of(a.text("--rate-from", null))));
        int subscribers = a.integer("--subscribers", 1);
        Summary ours = find(summaries, QuarkusBenchApp.SIGNAL_BUS, subscribers).orElseThrow(
                () -> new IllegalStateException("no " + QuarkusBenchApp.SIGNAL_BUS + " rounds at 1 -> " + subscribers));
        System.out.println(String.format(Locale.ROOT, "%.0f", a.decimal("--fraction", 0.5) * ours.mean()));
    }

    static List<Round> read(Path file) throws IOException {
        List<Round> rounds = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("peer\t")) {
                rounds.add(Round.parse(line));
            }
        }
        return rounds;
    }

    /** One summary per peer and number of subscribers, in the order they first appear. */
    static List<Summary> summarize(List<Round> rounds) {
        Map<String, List<Round>> groups = new LinkedHashMap<>();
        for (Round r : rounds) {
            groups.computeIfAbsent(r.peer() + "\t" + r.subscribers(), k -> new ArrayList<>()).add(r);
        }
        List<Summary> summaries = new ArrayList<>();
        for (List<Round> group : groups.values()) {
            double[] rates = group.stream().mapToDouble(Round::rate).toArray();
            int n = rates.length;
            double mean = 0;
            for (double rate : rates) {
                mean += rate / n;
            }
            double squares = 0;
            for (double rate : rates) {
                squares += (rate - mean) * (rate - mean);
            }
            double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : Double.NaN;
            double halfWidth = n > 1 ? t(n - 1) * sd / Math.sqrt(n) : Double.NaN;
            summaries.add(new Summary(group.get(0).peer(), group.get(0).subscribers(), n, mean, sd,
                    java.util.Arrays.stream(rates).min().orElseThrow(), java.util.Arrays.stream(rates).max().orElseThrow(),
                    halfWidth));
        }
        return summaries;
    }

    /** Student's t quantile for a two-sided {@link #CONFIDENCE} interval. */
    static double t(int degreesOfFreedom) {
        return new TDistribution(degreesOfFreedom).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }

    static Optional<Summary> find(List<Summary> summaries, String peer, int subscribers) {
        return summaries.stream().filter(s -> s.peer().equals(peer) && s.subscribers() == subscribers).findFirst();
    }
}
