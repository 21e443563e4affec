package dev.signalbus.engine;

import java.util.Arrays;

/**
 * The threads running one subscriber's deliveries or one periodic task's run right now, so that a
 * drain that timed out can interrupt them, and when each began its current delivery, so that a
 * health check can name a stuck one. Deliveries run on a pool the bus may not own (the Quarkus
 * worker pool, a container's managed executor): only this bus knows which of its threads are ours,
 * and only until they leave.
 * <p>
 * One {@link Slot} per thread in, reused: entering allocates nothing once there are as many slots
 * as tasks ever ran at once (about the subscriber's concurrency).
 */
final class Runners {

    /** One running task: its thread, and when its current delivery or run began (0: not known). */
    static final class Slot {
        Thread thread;
        volatile long since;
    }

    private Slot[] slots = new Slot[0];
    private boolean interrupted;

    synchronized Slot enter(Thread thread) {
        for (Slot slot : slots) {
            if (slot.thread == null) {
                slot.thread = thread;
                slot.since = 0;
                return slot;
            }
        }
        Slot[] grown = new Slot[slots.length + 1];
        System.arraycopy(slots, 0, grown, 0, slots.length);
        Slot slot = new Slot();
        slot.thread = thread;
        grown[slots.length] = slot;
        slots = grown;
        return slot;
    }

    /**
     * Leaves; a thread we interrupted goes back to its pool without our interrupt, so that the
     * pool's next task (maybe not ours) does not inherit it.
     */
    void leave(Slot slot) {
        boolean clear;
        synchronized (this) {
            slot.thread = null;
            clear = interrupted;
        }
        if (clear) {
            Thread.interrupted();
        }
    }

    /** The threads in now. */
    synchronized Thread[] snapshot() {
        int n = 0;
        Thread[] threads = new Thread[slots.length];
        for (Slot slot : slots) {
            if (slot.thread != null) {
                threads[n++] = slot.thread;
            }
        }
        return Arrays.copyOf(threads, n);
    }

    /**
     * When the longest-running current delivery or run began ({@link System#nanoTime()}), or
     * {@code 0} if none is known to run.
     */
    synchronized long oldestSince() {
        long oldest = 0;
        for (Slot slot : slots) {
            long since = slot.since;
            if (slot.thread != null && since != 0 && (oldest == 0 || since - oldest < 0)) {
                oldest = since;
            }
        }
        return oldest;
    }

    /** Interrupts every thread in; from now on the bus is stopped. @return how many */
    synchronized int interrupt() {
        interrupted = true;
        int n = 0;
        for (Slot slot : slots) {
            if (slot.thread != null) {
                slot.thread.interrupt();
                n++;
            }
        }
        return n;
    }
}
