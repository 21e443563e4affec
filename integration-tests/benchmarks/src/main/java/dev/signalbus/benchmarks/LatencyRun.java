package dev.signalbus.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToDoubleFunction;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency from publish to the start of delivery, at a fixed offered rate, one peer after the other
 * in this JVM. The publisher sleeps until the next signal is due and then publishes every signal that
 * is due (Linux wakes a sleeping thread some 50-60 µs late, so signals leave in small bursts); each
 * signal carries the {@link System#nanoTime()} read just before its publish call, and each subscriber
 * records {@code now - publishedAt} before anything else. The achieved rate is reported beside the
 * offered one: a peer that cannot keep up shows a lower achieved rate (its publisher blocked) or
 * latencies that grow with the backlog. Each subscriber records into its own HdrHistogram recorder (merged
 * after the run), and the stop-the-world GC pauses of the measured period ({@link GcPauses}: count and summed
 * time, from the collector MXBeans) are reported beside the percentiles.
 * <p>
 * Usage: {@code LatencyRun --out latency.tsv --subscribers 1 --rate 100000 [--rate-from results.csv
 * --fraction 0.5] [--warmup 2] [--seconds 5] [--peers a,b]}; with {@code --rate-from} the rate is
 * {@code fraction} of Signal Bus's published signals per second in that JMH CSV for the same number of
 * subscribers.
 */
public final class LatencyRun {

    /**
     * A backlog (signals published but not yet received by the slowest subscriber) beyond this ends
     * the peer's run early: it cannot sustain the offered rate, and an unbounded backlog would only
     * measure how long the queue has grown (and exhaust the heap and the time budget).
     */
    static final long MAX_BACKLOG = 100_000;

    /**
     * One peer's figures; times in microseconds. {@code gcPauses} and {@code gcPauseMillis}: the collections of the
     * stop-the-world collectors during the measured window and their summed time ({@link GcPauses}), {@code -1} when
     * not known (files written before they were recorded).
     */
    record Result(String peer, int subscribers, double offeredRate, double achievedRate, long published,
            long samples, double p50, double p99, double p999, double max, boolean keptUp, long gcPauses,
            long gcPauseMillis) {

        static final String HEADER = "peer\tsubscribers\toffered/s\tachieved/s\tpublished\tsamples\tp50 us\tp99 us"
                + "\tp99.9 us\tmax us\tkept up\tgc pauses\tgc pause ms";

        /** Without GC figures (unknown). */
        Result(String peer, int subscribers, double offeredRate, double achievedRate, long published, long samples,
                double p50, double p99, double p999, double max, boolean keptUp) {
            this(peer, subscribers, offeredRate, achievedRate, published, samples, p50, p99, p999, max, keptUp, -1, -1);
        }

        boolean gcKnown() {
            return gcPauses >= 0 && gcPauseMillis >= 0;
        }

        String line() {
            return String.format(Locale.ROOT, "%s\t%d\t%.0f\t%.0f\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%s\t%d\t%d", peer,
                    subscribers, offeredRate, achievedRate, published, samples, p50, p99, p999, max, keptUp, gcPauses,
                    gcPauseMillis);
        }

        /** Reads {@link #line()}; a line of the older format, without the two GC columns, reads as GC unknown. */
        static Result parse(String line) {
            String[] f = line.split("\t");
            return new Result(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Long.parseLong(f[4]), Long.parseLong(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
                    Double.parseDouble(f[8]), Double.parseDouble(f[9]), Boolean.parseBoolean(f[10]),
                    f.length > 12 ? Long.parseLong(f[11]) : -1, f.length > 12 ? Long.parseLong(f[12]) : -1);
        }
    }

    private LatencyRun() {
    }

    public static void main(String[] args) throws IOException {
        Args a = new Args(args);
        int subscribers = a.integer("--subscribers", 1);
        double rate;
        if (a.has("--rate-from")) {
            JmhResults results = JmhResults.read(Path.of(a.text("--rate-from", null)));
            String ours = results.ours();
            rate = a.decimal("--fraction", 0.5) * results.score(ours, subscribers);
        } else {
            rate = a.decimal("--rate", 100_000);
        }
        Duration warmup = Duration.ofMillis((long) (a.decimal("--warmup", 2) * 1000));
        Duration measure = Duration.ofMillis((long) (a.decimal("--seconds", 5) * 1000));
        List<String> peers = a.list("--peers", Peers.ALL);
        Path out = Path.of(a.text("--out", "latency.tsv"));
        boolean append = Files.exists(out);
        OpenOption[] options = append ? new OpenOption[] { StandardOpenOption.APPEND } : new OpenOption[0];
        try (PrintStream file = new PrintStream(Files.newOutputStream(out, options), true, StandardCharsets.UTF_8)) {
            if (!append) {
                file.println(Result.HEADER);
            }
            for (String peer : peers) {
                Result result;
                try {
                    result = measure(peer, subscribers, rate, warmup, measure);
                } catch (RuntimeException e) {
                    // one broken peer must not cost the figures of the others; the report shows it missing
                    System.err.println("FAILED " + peer + ": " + e);
                    e.printStackTrace();
                    continue;
                }
                System.out.println(result.line());
                file.println(result.line());
            }
        }
    }

    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

    static Result measure(String name, int subscribers, double rate, Duration warmup, Duration measure) {
        // Fixed-size histograms, and warm-up samples recorded through the same call into one of them:
        // a branch first taken, or a histogram first resized, when the measurement starts made the JIT
        // discard the compiled delivery path right then, and its backlog filled the p99 of every peer.
        // One recorder per subscriber, so that subscribers on different threads do not contend on one
        // (a Recorder's phaser and counts are atomics); a Recorder rather than a single-writer one because
        // some peers (Weld async events) may deliver two signals to the same subscriber at once.
        Recorder[] recorders = recorders(subscribers);
        Recorder[] warmUpRecorders = recorders(subscribers);
        Deliveries deliveries = new Deliveries(subscribers);
        Delivery delivery = (subscriber, payload) -> {
            long latency = Math.min(MAX_LATENCY_NANOS, Math.max(0, System.nanoTime() - payload.publishedAt));
            // warm-up signals carry negative sequence numbers
            (payload.sequence >= 0 ? recorders : warmUpRecorders)[subscriber].recordValue(latency);
            deliveries.delivered(subscriber, payload);
        };
        try (Peer peer = Peers.open(name, subscribers, subscribers, delivery)) {
            Paced warm = run(peer, deliveries, 0, rate, count(rate, warmup), true);
            for (Recorder recorder : recorders) {
                recorder.reset();
            }
            GcPauses gc = GcPauses.start();
            Paced run = run(peer, deliveries, warm.published, rate, count(rate, measure), false);
            GcPauses.Window pauses = gc.stop();
            Histogram h = merged(recorders);
            // a publisher that blocked in a bounded queue fell behind the schedule, and a backlog left
            // at the end of the schedule took its toll on the latencies: not keeping up either way
            boolean keptUp = !run.aborted && run.rate >= 0.95 * rate
                    && run.drainNanos <= Math.max(MAX_DRAIN_NANOS, measure.toNanos() / 10);
            return new Result(name, subscribers, rate, run.rate, run.published - warm.published, h.getTotalCount(),
                    micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(99)),
                    micros(h.getValueAtPercentile(99.9)), micros(h.getMaxValue()), keptUp, pauses.count(),
                    pauses.millis());
        }
    }

    private static Recorder[] recorders(int subscribers) {
        Recorder[] recorders = new Recorder[subscribers];
        for (int i = 0; i < subscribers; i++) {
            recorders[i] = new Recorder(MAX_LATENCY_NANOS, 3);
        }
        return recorders;
    }

    /** Every subscriber's samples of the measured period in one histogram. */
    static Histogram merged(Recorder[] recorders) {
        Histogram all = new Histogram(MAX_LATENCY_NANOS, 3);
        for (Recorder recorder : recorders) {
            all.add(recorder.getIntervalHistogram());
        }
        return all;
    }

    private static long count(double rate, Duration duration) {
        return Math.max(1, (long) (rate * duration.toNanos() / 1e9));
    }

    /**
     * The outcome of a paced run: signals published in total so far, the achieved rate, whether it
     * ended early, how long the last deliveries took after the last publish.
     */
    private record Paced(long published, double rate, boolean aborted, long drainNanos) {
    }

    /** A peer that keeps up delivers the last signals soon after they are published. */
    static final long MAX_DRAIN_NANOS = 100_000_000;

    /**
     * Publishes {@code count} signals on schedule (fewer if the backlog grows past {@link #MAX_BACKLOG})
     * and waits for their delivery.
     */
    private static Paced run(Peer peer, Deliveries deliveries, long before, double rate, long count, boolean warmup) {
        double interval = 1e9 / rate;
        long start = System.nanoTime();
        long i = 0;
        boolean aborted = false;
        for (; i < count; i++) {
            long due = start + (long) (i * interval);
            long now = System.nanoTime();
            if (now < due) {
                LockSupport.parkNanos(due - now);
            }
            if ((i & 255) == 0 && before + i - deliveries.slowest() > MAX_BACKLOG) {
                aborted = true;
                break;
            }
            peer.publish(new Payload(warmup ? -1 - i : i, System.nanoTime()));
        }
        long took = System.nanoTime() - start;
        deliveries.awaitAtLeast(before + i, Duration.ofSeconds(60));
        long drain = System.nanoTime() - start - took;
        return new Paced(before + i, i * 1e9 / Math.max(took, 1), aborted, drain);
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }

    /**
     * The runs of one peer and number of subscribers (run.sh makes several, each in its own JVM,
     * alternating the peers over time): the median of each figure across runs, and the spread of the
     * p99. On a shared machine one run's p99 can be set by a few stalls of the machine itself.
     */
    record Summary(String peer, int subscribers, int runs, int keptUpRuns, double offeredRate, double achievedRate,
            long samples, double p50, double p99, double p99Min, double p99Max, double p999, double max,
            double gcPauses, double gcPauseMillis, long gcPauseMillisMax) {

        /** Whether every run recorded its GC pauses (the figures are {@code NaN} / {@code -1} otherwise). */
        boolean gcKnown() {
            return gcPauseMillisMax >= 0;
        }

        boolean keptUp() {
            return keptUpRuns == runs;
        }
    }

    /** One summary per peer and number of subscribers, in the order they first appear. */
    static List<Summary> summarize(List<Result> results) {
        Map<String, List<Result>> groups = new LinkedHashMap<>();
        for (Result r : results) {
            groups.computeIfAbsent(r.peer() + "\t" + r.subscribers(), k -> new ArrayList<>()).add(r);
        }
        List<Summary> summaries = new ArrayList<>();
        for (List<Result> runs : groups.values()) {
            Result first = runs.get(0);
            boolean gcKnown = runs.stream().allMatch(Result::gcKnown);
            summaries.add(new Summary(first.peer(), first.subscribers(), runs.size(),
                    (int) runs.stream().filter(Result::keptUp).count(), median(runs, Result::offeredRate),
                    median(runs, Result::achievedRate), runs.stream().mapToLong(Result::samples).sum(),
                    median(runs, Result::p50), median(runs, Result::p99),
                    runs.stream().mapToDouble(Result::p99).min().orElseThrow(),
                    runs.stream().mapToDouble(Result::p99).max().orElseThrow(), median(runs, Result::p999),
                    runs.stream().mapToDouble(Result::max).max().orElseThrow(), gcKnown ? median(runs, r -> r.gcPauses())
                            : Double.NaN, gcKnown ? median(runs, r -> r.gcPauseMillis()) : Double.NaN,
                    gcKnown ? runs.stream().mapToLong(Result::gcPauseMillis).max().orElseThrow() : -1));
        }
        return summaries;
    }

    /** The median (the mean of the two middle values for an even count). */
    static double median(List<Result> runs, ToDoubleFunction<Result> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    static List<Result> read(Path file) throws IOException {
        List<Result> results = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("peer\t")) {
                results.add(Result.parse(line));
            }
        }
        return results;
    }
}
