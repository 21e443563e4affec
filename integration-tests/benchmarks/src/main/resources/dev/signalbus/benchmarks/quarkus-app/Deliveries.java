package bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counts deliveries per subscriber (a padded counter each) and lets the publisher wait until every subscriber has
 * received everything published so far; with recorders, records each delivery's latency first (one recorder per
 * subscriber). The same as the benchmarks module's {@code Deliveries} and {@code LatencyRun}.
 */
final class Deliveries {

    static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Counter[] counts;
    private final Recorder[] recorders;
    private final Recorder[] warmUpRecorders;
    private volatile long target;
    private volatile CountDownLatch done = new CountDownLatch(0);

    Deliveries(int subscribers, boolean latency) {
        counts = new Counter[subscribers];
        for (int i = 0; i < subscribers; i++) {
            counts[i] = new Counter();
        }
        recorders = latency ? recorders(subscribers) : null;
        warmUpRecorders = latency ? recorders(subscribers) : null;
    }

    private static Recorder[] recorders(int subscribers) {
        Recorder[] recorders = new Recorder[subscribers];
        for (int i = 0; i < subscribers; i++) {
            recorders[i] = new Recorder(MAX_LATENCY_NANOS, 3);
        }
        return recorders;
    }

    void expect(long signals) {
        done = new CountDownLatch(counts.length);
        target += signals;
    }

    void delivered(int subscriber, Payload payload) {
        if (recorders != null) {
            long latency = Math.min(MAX_LATENCY_NANOS, Math.max(0, System.nanoTime() - payload.publishedAt));
            // warm-up signals carry negative sequence numbers
            (payload.sequence >= 0 ? recorders : warmUpRecorders)[subscriber].recordValue(latency);
        }
        if (counts[subscriber].incrementAndGet() == target) {
            done.countDown();
        }
    }

    void await(Duration timeout) {
        try {
            if (!done.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("Not every signal was delivered within " + timeout + ": expected "
                        + target + " per subscriber, got " + Arrays.toString(counts));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    long slowest() {
        long min = Long.MAX_VALUE;
        for (Counter count : counts) {
            min = Math.min(min, count.get());
        }
        return min;
    }

    void awaitAtLeast(long signals, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (slowest() < signals) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Not every signal was delivered within " + timeout + ": expected "
                        + signals + " per subscriber, got " + Arrays.toString(counts));
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    void resetLatencies() {
        for (Recorder recorder : recorders) {
            recorder.reset();
        }
    }

    /** Every subscriber's samples since {@link #resetLatencies()} in one histogram. */
    Histogram latencies() {
        Histogram all = new Histogram(MAX_LATENCY_NANOS, 3);
        for (Recorder recorder : recorders) {
            all.add(recorder.getIntervalHistogram());
        }
        return all;
    }

    @SuppressWarnings({ "serial", "unused" })
    static final class Counter extends AtomicLong {
        long p1, p2, p3, p4, p5, p6, p7;
    }
}
