package dev.signalbus.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts deliveries per subscriber and lets the publisher wait, without spinning, until every
 * subscriber has received everything published so far. Each subscriber counts on its own counter;
 * only the delivery that completes a subscriber's share touches the shared latch, so subscribers do
 * not contend with each other.
 */
final class Deliveries implements Delivery {

    private final Counter[] counts;
    /** Written only by the publishing thread before it publishes; read by subscribers after. */
    private volatile long target;
    private volatile CountDownLatch done = new CountDownLatch(0);

    Deliveries(int subscribers) {
        counts = new Counter[subscribers];
        for (int i = 0; i < subscribers; i++) {
            counts[i] = new Counter();
        }
    }

    /** Call before publishing {@code signals} more signals: each subscriber must then receive them all. */
    void expect(long signals) {
        done = new CountDownLatch(counts.length);
        target += signals;
    }

    @Override
    public void delivered(int subscriber, Payload payload) {
        if (counts[subscriber].incrementAndGet() == target) {
            done.countDown();
        }
    }

    /** @throws IllegalStateException if the deliveries did not all happen within the timeout */
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

    /** The fewest signals any subscriber has received so far. */
    long slowest() {
        long min = Long.MAX_VALUE;
        for (Counter count : counts) {
            min = Math.min(min, count.get());
        }
        return min;
    }

    /**
     * Waits (polling every millisecond: for the end of a latency run, not for a benchmark) until every
     * subscriber has received at least {@code signals} signals.
     *
     * @throws IllegalStateException if that did not happen within the timeout
     */
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

    /** An {@link AtomicLong} padded to its own cache line, so that counters do not share one. */
    @SuppressWarnings({ "serial", "unused" })
    static final class Counter extends AtomicLong {
        long p1, p2, p3, p4, p5, p6, p7;
    }
}
