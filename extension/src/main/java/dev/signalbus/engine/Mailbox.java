package dev.signalbus.engine;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

import org.jctools.queues.atomic.unpadded.MpscChunkedAtomicUnpaddedArrayQueue;

/**
 * One subscriber method's bounded queue. It owns the queue and the counts of what went through it,
 * and coordinates the parts that work on them, each a class of its own:
 * <ul>
 * <li>{@link Room}, the bound: a place reserved before every offer (all or nothing across a topic's
 * subscribers), publishers waiting for room, the places beyond the capacity for those that could
 * never get it;</li>
 * <li>{@link Dispatch}, the drain tasks: none while idle, up to {@code concurrency} on the
 * executor while signals wait, each giving its thread back after a burst, retried when the executor
 * refuses;</li>
 * <li>{@link Delivery}, one delivery: the type check, the call of the subscriber, the outcome;</li>
 * <li>{@link Batches}, for a {@code @Batch} subscriber: when a batch is due, and its timer.</li>
 * </ul>
 * The queue: with concurrency 1 (the default) a JCTools multi-producer single-consumer array queue
 * in linked chunks of {@value #CHUNK} slots, used as a ring while the backlog fits one chunk (no
 * allocation per signal) and grown by a chunk when it does not; only the drain task holding the one
 * slot reads it. The unpadded variant: the padded one made an idle subscriber cost 1.6 KB instead
 * of 1.1 KB, for no throughput difference measurable on two cores. With concurrency above 1, a
 * {@link ConcurrentLinkedQueue}; with a key and concurrency above 1, a {@link KeyedQueue}. The
 * bound is not the queue's: the queue is made large enough never to refuse a reserved signal.
 * <p>
 * A mailbox and its parts see the bus through {@link MailboxHost} only.
 */
final class Mailbox {

    static final int CHUNK = 128;

    final SubscriberSpec spec;
    /** The topic's metrics handle, shared by its subscribers; {@code null} without metrics. */
    final BusMetrics.Topic topicMetrics;
    private final IntSupplier depth;
    /** This subscriber's metrics handle; {@code null} without metrics. */
    final BusMetrics.Subscriber metrics;
    /**
     * Whether queued signals are wrapped in a {@link Timed}: batches and the queue-wait timer need
     * the time of the publish, tracing the publisher's context.
     */
    final boolean stamped;

    /** Signals (or {@link Timed} ones of a batch); {@code null} for a subscriber with a key. */
    final Queue<Object> queue;
    /** Lanes per key, for a subscriber with a key; else {@code null}. */
    final KeyedQueue keyed;
    /** Signals taken from the queue whose delivery has not finished. */
    final AtomicInteger inFlight = new AtomicInteger();
    final LongAdder delivered = new LongAdder();
    final LongAdder failed = new LongAdder();

    /** The bound: places reserved in the queue, and the publishers waiting for one. */
    final Room room;
    /** The batches of a {@code @Batch} subscriber; else {@code null}. */
    final Batches batches;
    /** The drain tasks, which take from the queue and deliver. */
    final Dispatch dispatch;

    Mailbox(SubscriberSpec spec, int capacity, MailboxHost host, Executor executor,
            BusMetrics.Topic topicMetrics, BusMetrics metrics, boolean watched) {
        this.spec = spec;
        this.topicMetrics = topicMetrics;
        this.room = new Room(this, capacity, host);
        // the gauge may hold its supplier weakly: the mailbox keeps it alive as long as itself
        this.depth = this::queueDepth;
        this.metrics = metrics == null ? null : metrics.subscriber(spec.topic(), spec.target(), depth);
        // signals received from a broker carry their receipt in the wrapper
        this.stamped = spec.batch() || host.stampsSignals() || host.receives(spec.topic());
        // at concurrency 1 everything goes in publish order, so every key does: no lanes needed
        this.keyed = spec.keyed() && spec.concurrency() > 1 ? new KeyedQueue(spec.key(), spec.target()) : null;
        this.queue = keyed != null ? null
                : spec.concurrency() == 1 ? singleConsumerQueue(capacity) : new ConcurrentLinkedQueue<>();
        this.batches = spec.batch() ? new Batches(this, host) : null;
        // a delivery takes a time stamp only for metrics or a watch of stuck deliveries
        this.dispatch = new Dispatch(this, host, executor, metrics != null || watched);
    }

    /** Room for {@code capacity} reserved signals and more: it must never refuse one. */
    private static Queue<Object> singleConsumerQueue(int capacity) {
        // twice the capacity rounded up to a power of two, within JCTools' largest (2^30, which is
        // also BusConfig.MAX_QUEUE_CAPACITY: a chunked queue holds its whole maximum capacity)
        long doubled = Long.highestOneBit(Math.max(capacity - 1, 1)) << 2;
        int max = (int) Math.min(BusConfig.MAX_QUEUE_CAPACITY, Math.max(4, doubled));
        return new MpscChunkedAtomicUnpaddedArrayQueue<>(Math.min(CHUNK, max / 2), max);
    }

    /**
     * Queues a signal into a place reserved with {@link Room#tryReserve(boolean)}; the publisher has
     * registered its unit of pending work, which the delivery (or the discard) gives back. Never fails: if the
     * drain timed out since the reservation, {@link #discard()} has counted this signal in its
     * report (the reservation was in the count it closed), and nobody delivers it.
     *
     * @param timed the signal as the publisher wrapped it once for all the topic's subscribers if
     *        the engine {@linkplain MailboxHost#stampsSignals() stamps signals}, else {@code null}
     */
    void enqueue(Object signal, Timed timed) {
        if (keyed != null) {
            // the key from the signal; the lane keeps what the other queues keep (the wrapper, if any)
            if (keyed.offer(signal, timed != null ? timed : stamped ? new Timed(signal, System.nanoTime(), null) : signal)) {
                dispatch.wake();
            }
            return;
        }
        Object entry = timed != null ? timed : stamped ? new Timed(signal, System.nanoTime(), null) : signal;
        if (!queue.offer(entry)) {
            // cannot happen: the queue holds at least twice the capacity that reservations allow
            throw new IllegalStateException("Signal Bus internal error: the queue of " + spec.target()
                    + " refused a reserved signal of topic '" + spec.topic() + "'");
        }
        if (batches == null || batches.wantsTask()) {
            dispatch.wake();
        }
    }

    /**
     * Wakes only a mailbox that holds signals: waking every idle subscriber at start would submit a
     * task for each, and a growing pool would start a thread for each.
     */
    void wakeIfQueued() {
        if (room.reserved() > 0) {
            dispatch.wake();
        }
    }

    /**
     * Takes the next signal for a drain task ({@link Batches} takes a {@code @Batch} subscriber's).
     *
     * @param now the delivery's start if the drain task is clocked
     * @return the queued entry (a {@link Timed} if stamped), or for a subscriber with a key the lane
     *         whose {@link KeyedQueue.Lane#current} it is; {@code null} if there is none
     */
    Object take(long now) {
        KeyedQueue.Lane lane = null;
        Object signal;
        if (keyed != null) {
            lane = keyed.poll();
            signal = lane == null ? null : lane.current;
        } else {
            signal = queue.poll();
        }
        if (signal == null) {
            return null;
        }
        // in flight before it leaves the count of queued ones: a drain report never misses it
        inFlight.incrementAndGet();
        if (!room.taken(1)) {
            inFlight.decrementAndGet();
            return null; // a timed-out drain counted it: the bus has stopped, its lane does not matter
        }
        if (metrics != null) {
            // a signal queued after our clock read and before the poll waited for (almost) nothing
            metrics.queued(Math.max(0, now - ((Timed) signal).at));
        }
        return lane != null ? lane : signal; // a Timed if stamped
    }

    /**
     * Whether signals wait that a drain task should take now. Also called after a task released its
     * slot, so only what any thread may ask of the queue: whether it is empty (another drain task
     * may be its consumer by now).
     */
    boolean hasDueWork() {
        if (keyed != null) {
            return keyed.hasReady();
        }
        if (queue.isEmpty()) {
            return false;
        }
        // a waiting partial batch with no timer armed needs a task to arm one: our arming may have
        // failed on an older timer that fired just before we released the slot, finding it taken;
        // with a timer armed, its firing wakes us when the head is due
        return batches == null || batches.wantsTask();
    }

    /**
     * After a drain that timed out (the bus is stopped): closes the queue to new reservations
     * ({@link Room#discard}). What is queued stays where it is, undelivered: reading it here could
     * race a last drain task for the single-consumer queue.
     *
     * @return the signals not delivered, for the drain report: those queued (or reserved by a
     *         publisher on its way in) and those in flight
     */
    long discard() {
        return (long) room.discard() + inFlight.get();
    }

    /** Signals waiting in the queue now (reserved places included), for the queue-depth gauge. */
    int queueDepth() {
        return Math.max(room.reserved(), 0);
    }

    /**
     * A signal with the time it was published (for batches and the queue-wait timer) and the
     * publisher's context captured for tracing (else {@code null}); immutable, so that one
     * instance serves every subscriber of the topic.
     */
    record Timed(Object signal, long at, Object context, Receipt receipt) {

        Timed(Object signal, long at, Object context) {
            this(signal, at, context, null);
        }
    }
}
