package dev.signalbus.engine;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The queue of a subscriber with per-key order: one lane of signals per key, and a queue of the
 * lanes that have signals and no delivery in flight. A delivery task takes the head of the next
 * ready lane, which stays busy until {@link #release}: equal keys go one at a time in publish
 * order, different keys to as many tasks as the subscriber's concurrency allows, and a slow key
 * holds back only its own lane. A lane goes when it is empty and idle, so keys leave nothing
 * behind. The bound on all of it is the mailbox's reservation count, as for any subscriber.
 * <p>
 * One lock for the whole queue, held for a few field updates per signal.
 */
final class KeyedQueue {

    private static final BusLog LOG = BusLog.of(SignalBusEngine.class);
    /** The key of signals whose key could not be read: a lane of their own. */
    private static final Object UNREADABLE = new Object();

    private final Function<Object, Object> keyOf;
    private final String target;
    private final Map<Object, Lane> lanes = new HashMap<>();
    private final ArrayDeque<Lane> ready = new ArrayDeque<>();
    private volatile boolean unreadableLogged;

    KeyedQueue(Function<Object, Object> keyOf, String target) {
        this.keyOf = keyOf;
        this.target = target;
    }

    /** The entries of one key; {@link #current} is the one being delivered, if any. */
    static final class Lane {
        final Object key;
        final ArrayDeque<Object> signals = new ArrayDeque<>(4);
        Object current;
        boolean busy;

        Lane(Object key) {
            this.key = key;
        }
    }

    /**
     * Queues a signal in its key's lane, as {@code entry} (the signal, or its wrapper with the
     * publish time and trace context). The key is read here, on the publisher's thread; a signal
     * whose key cannot be read (a signal of another type, an accessor that throws) goes to a lane of
     * its own, where the delivery reports a type mismatch as a failure, as for any subscriber.
     *
     * @return whether the signal's lane became ready: only then may a delivery task be needed (a
     *         busy lane is taken again by the task that releases it)
     */
    boolean offer(Object signal, Object entry) {
        Object key = key(signal);
        synchronized (this) {
            Lane lane = lanes.get(key);
            if (lane == null) {
                lane = new Lane(key);
                lanes.put(key, lane);
            }
            lane.signals.add(entry);
            if (!lane.busy && lane.signals.size() == 1) {
                ready.add(lane);
                return true;
            }
            return false;
        }
    }

    private Object key(Object signal) {
        try {
            return keyOf.apply(signal);
        } catch (RuntimeException | LinkageError e) {
            if (!unreadableLogged) {
                unreadableLogged = true;
                LOG.keyUnreadable(e, signal.getClass().getName(), target);
            }
            return UNREADABLE;
        }
    }

    /**
     * Takes the head of the next ready lane, which is busy from now until {@link #release}.
     *
     * @return the lane, its signal in {@link Lane#current}; {@code null} if no lane is ready
     */
    synchronized Lane poll() {
        Lane lane = ready.poll();
        if (lane == null) {
            return null;
        }
        lane.current = lane.signals.poll();
        lane.busy = true;
        return lane;
    }

    /** The delivery of the lane's current signal is over: its next signal is ready. */
    synchronized void release(Lane lane) {
        lane.busy = false;
        lane.current = null;
        if (lane.signals.isEmpty()) {
            lanes.remove(lane.key);
        } else {
            ready.add(lane);
        }
    }

    /** Whether a lane is ready to be taken. */
    synchronized boolean hasReady() {
        return !ready.isEmpty();
    }
}
