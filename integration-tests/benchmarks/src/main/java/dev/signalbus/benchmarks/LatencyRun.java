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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency from publish to the start of delivery, at a fixed offered rate, one peer after the other
 * in this JVM. The publisher sleeps until the next signal is due and then publishes every signal that
 * is due (Linux wakes a sleeping thread some 50-60 µs late, so signals leave in small bursts); each
 * signal carries the {@link System#nanoTime()} read just before its publish call, and each subscriber
 * records {@code now - publishedAt} before anything else. The achieved rate is reported beside the
 * offered one: a peer that cannot keep up shows a lower achieved rate (its publisher blocked) or
 * latencies that grow with the backlog.
 * <p>
 * Usage: {@code LatencyRun --out latency.tsv --subscribers 1 --rate 100000 [--rate-from results.csv
 * --fraction 0.5] [--warmup 2] [--seconds 5] [--peers a,b]}; with {@code --rate-from} the rate is
 * {@code fraction} of Signal Bus's published signals per second in that JMH CSV for the same number of
 * subscribers.
 */
public final class LatencyRun {

    /** One peer's figures; times in microseconds. */
    record Result(String peer, int subscribers, double offeredRate, double achievedRate, long count, double p50,
            double p99, double p999, double max) {

        static final String HEADER = "peer\tsubscribers\toffered/s\tachieved/s\tsamples\tp50 us\tp99 us\tp99.9 us\tmax us";

        String line() {
            return String.format(Locale.ROOT, "%s\t%d\t%.0f\t%.0f\t%d\t%.1f\t%.1f\t%.1f\t%.1f", peer, subscribers,
                    offeredRate, achievedRate, count, p50, p99, p999, max);
        }

        static Result parse(String line) {
            String[] f = line.split("\t");
            return new Result(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Long.parseLong(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                    Double.parseDouble(f[7]), Double.parseDouble(f[8]));
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
                Result result = measure(peer, subscribers, rate, warmup, measure);
                System.out.println(result.line());
                file.println(result.line());
            }
        }
    }

    static Result measure(String name, int subscribers, double rate, Duration warmup, Duration measure) {
        Recorder recorder = new Recorder(3);
        Deliveries deliveries = new Deliveries(subscribers);
        Delivery delivery = (subscriber, payload) -> {
            long latency = System.nanoTime() - payload.publishedAt;
            if (payload.sequence >= 0) { // warm-up signals carry negative sequence numbers
                recorder.recordValue(Math.max(0, latency));
            }
            deliveries.delivered(subscriber, payload);
        };
        try (Peer peer = Peers.open(name, subscribers, subscribers, delivery)) {
            run(peer, deliveries, rate, count(rate, warmup), true);
            recorder.reset();
            long count = count(rate, measure);
            double achieved = run(peer, deliveries, rate, count, false);
            Histogram h = recorder.getIntervalHistogram();
            return new Result(name, subscribers, rate, achieved, h.getTotalCount(), micros(h.getValueAtPercentile(50)),
                    micros(h.getValueAtPercentile(99)), micros(h.getValueAtPercentile(99.9)), micros(h.getMaxValue()));
        }
    }

    private static long count(double rate, Duration duration) {
        return Math.max(1, (long) (rate * duration.toNanos() / 1e9));
    }

    /** Publishes {@code count} signals on schedule, waits for their delivery; returns the achieved rate. */
    private static double run(Peer peer, Deliveries deliveries, double rate, long count, boolean warmup) {
        deliveries.expect(count);
        double interval = 1e9 / rate;
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = start + (long) (i * interval);
            long now = System.nanoTime();
            if (now < due) {
                LockSupport.parkNanos(due - now);
            }
            peer.publish(new Payload(warmup ? -1 - i : i, System.nanoTime()));
        }
        long took = System.nanoTime() - start;
        // a backlog of up to the whole run may still be queued at a peer that cannot keep up
        deliveries.await(Duration.ofSeconds(120));
        return count * 1e9 / Math.max(took, 1);
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
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
