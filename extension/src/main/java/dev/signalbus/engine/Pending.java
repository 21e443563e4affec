package dev.signalbus.engine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the work that keeps the bus busy: signals queued or being delivered (once per
 * subscriber), periodic runs in progress, async results not yet published. {@link #awaitZero}
 * waits without polling; the lock is touched only when somebody waits.
 */
final class Pending {

    /**
     * Set in the same word as the count once the bus refuses new work, so that "nothing pending"
     * and "closed" are decided by one atomic step: no publish can slip in between them, and none
     * is refused while the drain is still accepting.
     */
    private static final long CLOSED = 1L << 62;

    private final AtomicLong count = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition zero = lock.newCondition();
    // written under lock, read without it; together with count this is a Dekker-style handshake:
    // a waiter increments waiters before reading count, a worker decrements count before reading
    // waiters, so at least one of them sees the other.
    private volatile int waiters;

    void increment() {
        count.incrementAndGet();
    }

    void decrement() {
        done(1);
    }

    /**
     * Registers one unit of work unless closed; a publisher's guard.
     *
     * @return {@code false} if the bus is closed (nothing was registered)
     */
    boolean tryIncrement() {
        return tryAdd(1);
    }

    /**
     * Registers {@code n} units of work unless closed, in one step: a publish registers one per
     * subscriber of its topic.
     *
     * @return {@code false} if the bus is closed (nothing was registered)
     */
    boolean tryAdd(int n) {
        long c;
        do {
            c = count.get();
            if ((c & CLOSED) != 0) {
                return false;
            }
        } while (!count.compareAndSet(c, c + n));
        return true;
    }

    /** Closes only if nothing is pending at this instant; {@code false} if work slipped in. */
    boolean closeIfIdle() {
        return count.compareAndSet(0, CLOSED);
    }

    /** Closes whatever is pending (the drain timed out). */
    void close() {
        long c;
        do {
            c = count.get();
        } while ((c & CLOSED) == 0 && !count.compareAndSet(c, c | CLOSED));
    }

    boolean closed() {
        return (count.get() & CLOSED) != 0;
    }

    void done(long n) {
        if ((count.addAndGet(-n) & ~CLOSED) == 0 && waiters > 0) {
            lock.lock();
            try {
                zero.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    long get() {
        return count.get() & ~CLOSED;
    }

    boolean awaitZero(long timeoutNanos) throws InterruptedException {
        if (get() == 0) {
            return true;
        }
        long remaining = timeoutNanos;
        lock.lock();
        try {
            waiters++;
            try {
                while (get() != 0) {
                    if (remaining <= 0) {
                        return false;
                    }
                    remaining = zero.awaitNanos(remaining);
                }
                return true;
            } finally {
                waiters--;
            }
        } finally {
            lock.unlock();
        }
    }
}
