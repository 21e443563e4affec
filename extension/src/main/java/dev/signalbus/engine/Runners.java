package dev.signalbus.engine;

import java.util.HashSet;
import java.util.Set;

/**
 * The threads running one subscriber's deliveries or one periodic task's run right now, so that a
 * drain that timed out can interrupt them. Deliveries run on a pool the bus may not own (the
 * Quarkus worker pool, a container's managed executor): only this bus knows which of its threads
 * are ours, and only until they leave.
 */
final class Runners {

    private final Set<Thread> threads = new HashSet<>(4);
    private boolean interrupted;

    synchronized void enter(Thread thread) {
        threads.add(thread);
    }

    /**
     * Leaves; a thread we interrupted goes back to its pool without our interrupt, so that the
     * pool's next task (maybe not ours) does not inherit it.
     */
    void leave(Thread thread) {
        boolean clear;
        synchronized (this) {
            threads.remove(thread);
            clear = interrupted;
        }
        if (clear) {
            Thread.interrupted();
        }
    }

    /** The threads in now. */
    synchronized Thread[] snapshot() {
        return threads.toArray(new Thread[0]);
    }

    /** Interrupts every thread in; from now on the bus is stopped. @return how many */
    synchronized int interrupt() {
        interrupted = true;
        for (Thread thread : threads) {
            thread.interrupt();
        }
        return threads.size();
    }
}
