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

    private final AtomicLong count = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition zero = lock.newCondition();
    // written under lock, read without it; together with count this is a Dekker-style handshake:
    // a waiter increments waiters before reading count, a worker decrements count before reading
    // waiters, so at least one of them sees the other.
    private volatile int waiters;

    void add(long n) {
        count.addAndGet(n);
    }

    void increment() {
        count.incrementAndGet();
    }

    void decrement() {
        done(1);
    }

    void done(long n) {
        if (count.addAndGet(-n) == 0 && waiters > 0) {
            lock.lock();
            try {
                zero.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    long get() {
        return count.get();
    }

    boolean awaitZero(long timeoutNanos) throws InterruptedException {
        if (count.get() == 0) {
            return true;
        }
        long remaining = timeoutNanos;
        lock.lock();
        try {
            waiters++;
            try {
                while (count.get() != 0) {
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
