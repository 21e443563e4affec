package dev.signalbus.engine;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

import org.jboss.logging.Logger;
import org.jctools.queues.atomic.unpadded.MpscChunkedAtomicUnpaddedArrayQueue;

/**
 * One subscriber method's bounded queue and its dispatch. It holds no thread while idle: when a
 * signal arrives and fewer than {@code concurrency} drain tasks run, one is submitted to the
 * executor; a drain task delivers until the queue is empty, yielding the thread to the pool every
 * {@link #BURST} deliveries so that busy subscribers share it fairly.
 * <p>
 * The queue: with concurrency 1 (the default) a JCTools multi-producer single-consumer array queue
 * in linked chunks of {@value #CHUNK} slots, used as a ring while the backlog fits one chunk (no
 * allocation per signal) and grown by a chunk when it does not; only the drain task holding the one
 * slot reads it. The unpadded variant: the padded one made an idle subscriber cost 1.6 KB instead
 * of 1.1 KB, for no throughput difference measurable on two cores. With concurrency above 1, a
 * {@link ConcurrentLinkedQueue}. The bound is not the queue's but its {@link Room}'s, which
 * reserves a place before every offer (all or nothing across a topic's subscribers) and makes
 * publishers wait for room; the queue is made large enough never to refuse a reserved signal.
 */
final class Mailbox {

    private static final Logger LOG = Logger.getLogger(SignalBusEngine.class);
    static final int BURST = 64;
    static final int CHUNK = 128;

    final SubscriberSpec spec;
    private final MailboxHost host;
    /** The bus's pending work, given back by deliveries: held here, not asked of the host per burst. */
    private final Pending pending;
    private final Executor executor;
    /** The topic's metrics handle, shared by its subscribers; {@code null} without metrics. */
    final BusMetrics.Topic topicMetrics;
    private final IntSupplier depth;
    /** This subscriber's metrics handle; {@code null} without metrics. */
    final BusMetrics.Subscriber metrics;
    /**
     * Whether a delivery takes a time stamp: only for metrics or a watch of stuck deliveries;
     * otherwise the delivery path reads no clock.
     */
    private final boolean clocked;
    /**
     * Whether queued signals are wrapped in a {@link Timed}: batches and the queue-wait timer need
     * the time of the publish, tracing the publisher's context.
     */
    private final boolean stamped;
    /** {@code null} without tracing. */
    private final BusTracing tracing;
    /** Whether this subscriber's topic receives signals from a broker, each with its {@link Receipt}. */
    private final boolean receiving;

    /** Signals (or {@link Timed} ones of a batch); {@code null} for a subscriber with a key. */
    final Queue<Object> queue;
    /** Lanes per key, for a subscriber with a key; else {@code null}. */
    private final KeyedQueue keyed;
    /** The bound: places reserved in the queue, and the publishers waiting for one. */
    final Room room;
    /** The batches of a {@code @Batch} subscriber; else {@code null}. */
    private final Batches batches;
    /** Signals taken from the queue whose delivery has not finished. */
    final AtomicInteger inFlight = new AtomicInteger();
    /** Drain tasks that hold one of the {@code concurrency} slots. */
    private final AtomicInteger workers = new AtomicInteger();
    /** A delivery task the executor refused is offered again after this delay, doubled each time. */
    static final long RETRY_FIRST_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final long RETRY_MAX_NANOS = TimeUnit.SECONDS.toNanos(5);
    private final AtomicBoolean retryArmed = new AtomicBoolean();
    private volatile long retryDelayNanos = RETRY_FIRST_NANOS;

    /** The threads running {@link #drain()} tasks now. */
    private final Runners runners = new Runners();

    final LongAdder delivered = new LongAdder();
    final LongAdder failed = new LongAdder();

    Mailbox(SubscriberSpec spec, int capacity, MailboxHost host, Executor executor,
            BusMetrics.Topic topicMetrics, BusMetrics metrics, boolean watched) {
        this.spec = spec;
        this.topicMetrics = topicMetrics;
        this.room = new Room(this, capacity, host);
        // the gauge may hold its supplier weakly: the mailbox keeps it alive as long as itself
        this.depth = this::queueDepth;
        this.metrics = metrics == null ? null : metrics.subscriber(spec.topic(), spec.target(), depth);
        this.clocked = metrics != null || watched;
        this.tracing = host.tracing();
        this.receiving = host.receives(spec.topic());
        // signals received from a broker carry their receipt in the wrapper
        this.stamped = spec.batch() || host.stampsSignals() || host.receives(spec.topic());
        this.host = host;
        this.pending = host.pending();
        this.executor = executor;
        // at concurrency 1 everything goes in publish order, so every key does: no lanes needed
        this.keyed = spec.keyed() && spec.concurrency() > 1 ? new KeyedQueue(spec.key(), spec.target()) : null;
        this.queue = keyed != null ? null
                : spec.concurrency() == 1 ? singleConsumerQueue(capacity) : new ConcurrentLinkedQueue<>();
        this.batches = spec.batch() ? new Batches(this, host) : null;
    }

    /** Room for {@code capacity} reserved signals and more: it must never refuse one. */
    private static Queue<Object> singleConsumerQueue(int capacity) {
        // twice the capacity rounded up to a power of two, within JCTools' largest (2^30, which is
        // also BusConfig.MAX_QUEUE_CAPACITY: a chunked queue holds its whole maximum capacity)
        long doubled = Long.highestOneBit(Math.max(capacity - 1, 1)) << 2;
        int max = (int) Math.min(BusConfig.MAX_QUEUE_CAPACITY, Math.max(4, doubled));
        return new MpscChunkedAtomicUnpaddedArrayQueue<>(Math.min(CHUNK, max / 2), max);
    }

    /** {@link Room#tryReserve}. */
    boolean tryReserve(boolean beyond) {
        return room.tryReserve(beyond);
    }

    /** {@link Room#unreserve}. */
    boolean unreserve() {
        return room.unreserve();
    }

    /**
     * Queues a signal into a place reserved with {@link #tryReserve(boolean)}; the publisher has registered
     * its unit of pending work, which the delivery (or the discard) gives back. Never fails: if the
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
                wake();
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
            wake();
        }
    }

    /** {@link Room#awaitRoom}; {@link Room#BEYOND} if no room can come. */
    long awaitRoom(long deadline) {
        return room.awaitRoom(deadline);
    }

    /** Whether a reservation would find a place now. */
    boolean hasRoom() {
        return room.hasRoom();
    }

    /**
     * Wakes only a mailbox that holds signals: waking every idle subscriber at start would submit a
     * task for each, and a growing pool would start a thread for each.
     */
    void wakeIfQueued() {
        if (room.reserved() > 0) {
            wake();
        }
    }

    /** Makes sure a drain task runs if there is work and a free slot. */
    void wake() {
        if (!host.dispatching()) {
            return;
        }
        int w;
        while ((w = workers.get()) < spec.concurrency()) {
            if (workers.compareAndSet(w, w + 1)) {
                submit();
                return;
            }
        }
    }

    /**
     * Starts a drain task holding a slot taken by {@link #wake()} (or kept by a task that gives
     * its thread back). Never throws: whatever the executor throws, a refusal or an error such as
     * {@code OutOfMemoryError: unable to create native thread}, the slot is released, the signals
     * stay queued and the task is offered again later.
     */
    private void submit() {
        if (!host.dispatching()) {
            // the bus has stopped: nothing more is delivered (a drain that timed out counted what is left)
            workers.decrementAndGet();
            return;
        }
        Task task = new Task();
        Throwable refusal;
        try {
            executor.execute(task);
            if (retryDelayNanos != RETRY_FIRST_NANOS) {
                retryDelayNanos = RETRY_FIRST_NANOS;
                LOG.infof("The executor takes the delivery tasks of %s (topic '%s') again", spec.target(),
                        spec.topic());
            }
            return;
        } catch (RuntimeException | Error e) {
            // an executor may have queued the task and then failed (ThreadPoolExecutor starting a
            // worker after the offer): whoever claims the task first owns the slot
            if (!task.claim()) {
                LOG.warnf(e, "The executor failed after it took a delivery task of %s (topic '%s'); the task runs",
                        spec.target(), spec.topic());
                return;
            }
            refusal = e;
        }
        if (host.deliverOnFallback(new Task())) {
            return;
        }
        workers.decrementAndGet();
        // a signal queued after the slot was released wakes a task itself; a stopped bus retries nothing
        if (host.dispatching() && hasDueWork()) {
            retryLater(refusal);
        }
    }

    /** One submission of the drain task: runs at most once, and not after {@link #submit} claimed it back. */
    private final class Task extends AtomicBoolean implements Runnable {
        private static final long serialVersionUID = 1L;

        boolean claim() {
            return compareAndSet(false, true);
        }

        @Override
        public void run() {
            if (claim()) {
                drain();
            }
        }
    }

    /**
     * The executor refused a delivery task while the bus runs (a server suspended for maintenance,
     * a bounded pool that is full, no thread could be created): the signals stay queued, and the
     * task is offered again after a delay that doubles up to {@link #RETRY_MAX_NANOS}, until it is
     * accepted, also when nobody publishes to this topic any more. Logged once per episode.
     */
    private void retryLater(Throwable refusal) {
        if (!retryArmed.compareAndSet(false, true)) {
            return;
        }
        long delay = retryDelayNanos;
        retryDelayNanos = Math.min(delay * 2, RETRY_MAX_NANOS);
        if (delay == RETRY_FIRST_NANOS) {
            LOG.errorf(refusal, "The executor refused a delivery task of %s (topic '%s'); %d signals stay queued and"
                    + " are offered again, every %d ms at first and at most every %d s, until it takes them",
                    spec.target(), spec.topic(), Math.max(room.reserved(), 0), TimeUnit.NANOSECONDS.toMillis(delay),
                    TimeUnit.NANOSECONDS.toSeconds(RETRY_MAX_NANOS));
        }
        // like the batch timer: the delay thread must not keep a stopped bus reachable
        WeakReference<Mailbox> mailbox = new WeakReference<>(this);
        try {
            CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS).execute(() -> retryFired(mailbox));
        } catch (RuntimeException | Error e) {
            // not even the JDK's delay thread could start: the next publish to this topic wakes a task
            retryArmed.set(false);
            LOG.errorf(e, "Signal Bus could not arm the retry of %s's delivery task (topic '%s'); its queued signals"
                    + " wait for the next publish to the topic or the drain", spec.target(), spec.topic());
        }
    }

    private static void retryFired(WeakReference<Mailbox> reference) {
        Mailbox mailbox = reference.get();
        if (mailbox != null) {
            mailbox.retryArmed.set(false);
            mailbox.wakeIfQueued();
        }
    }

    /** What a drain task does with its slot once its burst is over. */
    private static final int RELEASE = 0;
    private static final int RESUBMIT = 1;
    private static final int KEEP_FOR_ASYNC = 2;

    /**
     * A drain task: holds one slot from {@link #wake()} until it returns without rescheduling. The
     * thread leaves {@link #runners} before the slot is released or handed to the next task, so
     * that {@link RoomWaits} never counts a thread as this subscriber's while it no longer is.
     */
    private void drain() {
        Runners.Slot runner = runners.enter(Thread.currentThread());
        Mailbox outer = DELIVERING.get();
        DELIVERING.set(this);
        int next = RELEASE;
        try {
            next = deliverBurst(runner);
        } finally {
            if (outer == null) {
                DELIVERING.remove();
            } else {
                DELIVERING.set(outer); // a caller-runs executor ran us inside another delivery
            }
            runners.leave(runner);
            if (next == RESUBMIT) {
                submit(); // keep the slot, give the thread back to the pool
            } else if (next == RELEASE) {
                workers.decrementAndGet();
                // a signal offered after our last empty take may have seen every slot taken
                if (hasDueWork()) {
                    wake();
                }
            }
        }
    }

    /** The subscriber whose signals the current thread is delivering, if any. */
    static final ThreadLocal<Mailbox> DELIVERING = new ThreadLocal<>();

    /** @return what to do with the slot: {@link #RELEASE}, {@link #RESUBMIT} or {@link #KEEP_FOR_ASYNC} */
    private int deliverBurst(Runners.Slot runner) {
        // the pending units of the signals delivered here go back once per burst, not once per
        // signal: the counter is shared by every publisher and every delivering thread
        int done = 0;
        try {
            for (int burst = 0; burst < BURST; burst++) {
                if (!host.dispatching()) {
                    return RELEASE;
                }
                long now = clocked ? System.nanoTime() : 0;
                List<Object> contexts = tracing != null && spec.batch() ? new ArrayList<>() : null;
                List<Receipt> batchReceipts = receiving && spec.batch() ? new ArrayList<>() : null;
                Object work = spec.batch() ? batches.take(now, contexts, batchReceipts) : take(now);
                if (work == null) {
                    return RELEASE;
                }
                if (spec.concurrency() > 1 && workers.get() < spec.concurrency() && hasDueWork()) {
                    // a backlog (published before the start, or while the executor refused) gets up to
                    // concurrency tasks, not only the one that woke up
                    wake();
                }
                int n = spec.batch() ? ((List<?>) work).size() : 1;
                KeyedQueue.Lane lane = null;
                if (keyed != null) {
                    lane = (KeyedQueue.Lane) work;
                    work = lane.current;
                }
                BusTracing.Traced span = null;
                Object receipts = batchReceipts;
                if (stamped && !spec.batch()) {
                    Timed timed = (Timed) work;
                    work = timed.signal;
                    receipts = timed.receipt;
                    if (tracing != null) {
                        span = tracing.delivery(spec.topic(), spec.target(), timed.context);
                    }
                } else if (contexts != null) {
                    span = tracing.batch(spec.topic(), spec.target(), contexts);
                }
                boolean async = false;
                if (clocked) {
                    runner.since = now;
                }
                try {
                    async = deliver(work, n, now, span, lane, receipts);
                } finally {
                    if (!async) {
                        done += n;
                    }
                }
                if (async) {
                    return KEEP_FOR_ASYNC; // an async result resumes this task when it completes
                }
            }
        } finally {
            if (done > 0) {
                pending.done(done);
            }
        }
        // a full burst: the task gives its thread back and runs again only if something waits (the
        // release re-checks, so a signal queued meanwhile still gets a task)
        return hasDueWork() ? RESUBMIT : RELEASE;
    }

    /**
     * @param now the delivery's start if {@link #clocked}
     * @return the queued entry (a {@link Timed} if stamped), or for a subscriber with a key the lane
     *         whose {@link KeyedQueue.Lane#current} it is; {@code null} if there is none
     */
    private Object take(long now) {
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
     * Called after the slot is released, so only what any thread may ask of the queue: whether it
     * is empty (another drain task may be its consumer by now).
     */
    private boolean hasDueWork() {
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
     * @return {@code true} if the delivery continues asynchronously: the slot stays held, and the
     *         completion gives the pending units back; otherwise the caller gives them back
     */
    private boolean deliver(Object work, int n, long start, BusTracing.Traced span, KeyedQueue.Lane lane,
            Object receipts) {
        ClassCastException mismatch = checkType(work);
        if (mismatch != null) {
            if (span != null) {
                span.detach();
            }
            finished(work, n, mismatch, start, span, lane, receipts);
            return false;
        }
        Object result;
        try {
            result = spec.invoker().invoke(work);
        } catch (Throwable t) {
            if (span != null) {
                span.detach();
            }
            finished(work, n, t, start, span, lane, receipts);
            return false;
        }
        if (span != null) {
            span.detach();
        }
        if (result instanceof CompletionStage<?> stage) {
            CompletableFuture<?> future = stage instanceof CompletableFuture<?> cf ? cf : null;
            if (future == null || !future.isDone()) {
                stage.whenComplete((ignored, failure) -> {
                    try {
                        finished(work, n, failure, start, span, lane, receipts);
                    } finally {
                        pending.done(n);
                    }
                    submit(); // resume this drain task: it still holds its slot
                });
                return true;
            }
            finished(work, n, future.isCompletedExceptionally() ? exceptionOf(future) : null, start, span, lane,
                    receipts);
            return false;
        }
        finished(work, n, null, start, span, lane, receipts);
        return false;
    }

    private static Throwable exceptionOf(CompletableFuture<?> future) {
        try {
            future.join();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private ClassCastException checkType(Object work) {
        Class<?> type = spec.signalType();
        if (!spec.batch()) {
            return type.isInstance(work) ? null : mismatch(work);
        }
        for (Object element : (List<?>) work) {
            if (!type.isInstance(element)) {
                return mismatch(element);
            }
        }
        return null;
    }

    private ClassCastException mismatch(Object signal) {
        return new ClassCastException("A " + signal.getClass().getName() + " published to topic '" + spec.topic()
                + "' cannot be delivered to " + spec.target() + ", whose @Subscribes parameter accepts "
                + spec.signalType().getName() + (spec.batch() ? " elements" : "")
                + "; change the parameter type or publish a compatible type");
    }

    /**
     * @param start the delivery's start if {@link #clocked}
     * @param lane for a subscriber with a key, the lane of the delivered signal, released here
     */
    private void finished(Object work, int n, Throwable failure, long start, BusTracing.Traced span,
            KeyedQueue.Lane lane, Object receipts) {
        if (metrics != null) {
            metrics.delivered(System.nanoTime() - start, failure == null);
        }
        if (span != null) {
            span.end(failure == null ? null : Failures.unwrap(failure));
        }
        try {
            if (failure == null) {
                delivered.add(n);
            } else {
                failed.add(n);
                host.failures().report(spec.topic(), spec.target(), work, failure);
            }
        } finally {
            inFlight.addAndGet(-n);
            if (lane != null) {
                keyed.release(lane); // the key's next signal is ready
            }
            if (receipts != null) {
                Receipt.done(receipts, failure);
            }
        }
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

    /**
     * After a drain that timed out: interrupts the deliveries still running, so that a hung
     * subscriber lets its thread go even on a pool the bus does not own.
     *
     * @return how many were interrupted
     */
    int interruptRunning() {
        return runners.interrupt();
    }

    /** Publishes refused by this full queue while the bus drained: they make the drain incomplete. */
    long refusedWhileDraining() {
        return room.refusedWhileDraining.sum();
    }

    /** Signals waiting in the queue now (reserved places included), for the queue-depth gauge. */
    int queueDepth() {
        return Math.max(room.reserved(), 0);
    }

    /**
     * When the longest-running delivery of this subscriber began ({@link System#nanoTime()}), or 0
     * if none runs or deliveries are not watched.
     */
    long runningSince() {
        return runners.oldestSince();
    }

    /** The threads delivering this subscriber's signals now. */
    Thread[] runnerThreads() {
        return runners.snapshot();
    }

    /** Slots held by drain tasks (running, waiting for a thread, or waiting for an async result). */
    int workerCount() {
        return workers.get();
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
