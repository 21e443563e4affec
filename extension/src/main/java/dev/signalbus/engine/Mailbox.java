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
 * {@link ConcurrentLinkedQueue}. The bound is not the queue's: {@link #size} reserves a place
 * before every offer (all or nothing across a topic's subscribers), and the queue is made large
 * enough never to refuse a reserved signal.
 * <p>
 * A publisher whose wait for room could never end ({@link RoomWaits}: the only deliveries that
 * could make room wait for room themselves) does not wait: it may put its signal beyond the
 * capacity, up to {@link #beyondLimit} signals in all (twice the capacity), and past that it is
 * refused at once with an exception naming the subscribers of the cycle.
 */
final class Mailbox {

    private static final Logger LOG = Logger.getLogger(SignalBusEngine.class);
    static final int BURST = 64;
    static final int CHUNK = 128;
    /**
     * Set in {@link #size} by {@link #discard()}: from then on a reservation fails, and the count
     * discard read is exactly the signals it reports, whichever side of it a publisher was.
     */
    private static final int DISCARDED = Integer.MIN_VALUE;

    final SubscriberSpec spec;
    final int capacity;
    /**
     * How many signals the queue holds at most with those of publishers that could not wait: twice
     * the capacity, within {@link BusConfig#MAX_QUEUE_CAPACITY} (the queue is made that large).
     */
    final int beyondLimit;
    private final MailboxHost host;
    /** The bus's pending work, given back by deliveries: held here, not asked of the host per burst. */
    private final Pending pending;
    private final Executor executor;
    /** The topic's metrics handle, shared by its subscribers; {@code null} without metrics. */
    final BusMetrics.Topic topicMetrics;
    private final IntSupplier depth;
    /** This subscriber's metrics handle; {@code null} without metrics. */
    private final BusMetrics.Subscriber metrics;
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
    private final Queue<Object> queue;
    /** Lanes per key, for a subscriber with a key; else {@code null}. */
    private final KeyedQueue keyed;
    /**
     * Reserved places in the queue: incremented before an offer, decremented after a take; its
     * sign bit ({@link #DISCARDED}) closes the queue after a drain that timed out.
     */
    private final AtomicInteger size = new AtomicInteger();
    /** Signals taken from the queue whose delivery has not finished. */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Drain tasks that hold one of the {@code concurrency} slots. */
    private final AtomicInteger workers = new AtomicInteger();
    private final Object roomLock = new Object();
    private volatile int roomWaiters;
    private final AtomicBoolean batchTimerArmed = new AtomicBoolean();
    /** A delivery task the executor refused is offered again after this delay, doubled each time. */
    static final long RETRY_FIRST_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final long RETRY_MAX_NANOS = TimeUnit.SECONDS.toNanos(5);
    private final AtomicBoolean retryArmed = new AtomicBoolean();
    private volatile long retryDelayNanos = RETRY_FIRST_NANOS;

    /** The threads running {@link #drain()} tasks now. */
    private final Runners runners = new Runners();

    final LongAdder delivered = new LongAdder();
    final LongAdder failed = new LongAdder();
    /** Publishes refused by this full queue while the bus drained: they make the drain incomplete. */
    final LongAdder refusedWhileDraining = new LongAdder();
    private final AtomicBoolean beyondLogged = new AtomicBoolean();

    Mailbox(SubscriberSpec spec, int capacity, MailboxHost host, Executor executor,
            BusMetrics.Topic topicMetrics, BusMetrics metrics, boolean watched) {
        this.spec = spec;
        this.topicMetrics = topicMetrics;
        // the gauge may hold its supplier weakly: the mailbox keeps it alive as long as itself
        this.depth = this::queueDepth;
        this.metrics = metrics == null ? null : metrics.subscriber(spec.topic(), spec.target(), depth);
        this.clocked = metrics != null || watched;
        this.tracing = host.tracing();
        this.receiving = host.receives(spec.topic());
        // signals received from a broker carry their receipt in the wrapper
        this.stamped = spec.batch() || host.stampsSignals() || host.receives(spec.topic());
        this.capacity = capacity;
        this.beyondLimit = capacity + Math.min(capacity, BusConfig.MAX_QUEUE_CAPACITY - capacity);
        this.host = host;
        this.pending = host.pending();
        this.executor = executor;
        // at concurrency 1 everything goes in publish order, so every key does: no lanes needed
        this.keyed = spec.keyed() && spec.concurrency() > 1 ? new KeyedQueue(spec.key(), spec.target()) : null;
        this.queue = keyed != null ? null
                : spec.concurrency() == 1 ? singleConsumerQueue(capacity) : new ConcurrentLinkedQueue<>();
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
     * Reserves a place if there is one; never waits.
     *
     * @param beyond whether the publisher may use the places beyond the capacity: only one that
     *        {@link #awaitRoom} told that no room can come
     * @return {@code false} if the queue is full
     * @throws IllegalStateException if the bus stopped after a drain that timed out
     */
    boolean tryReserve(boolean beyond) {
        int reserved = size.incrementAndGet();
        if (reserved > 0 && reserved <= (beyond ? beyondLimit : capacity)) {
            return true;
        }
        size.decrementAndGet();
        if (reserved < 0) {
            throw host.stoppedException(spec.topic());
        }
        return false;
    }

    /**
     * Gives back a place reserved for a signal that is not queued after all.
     *
     * @return {@code false} if a timed-out drain counted the reservation as undelivered meanwhile
     *         (and gave back its pending unit)
     */
    boolean unreserve() {
        int before = size.getAndDecrement();
        if (roomWaiters > 0) {
            synchronized (roomLock) {
                roomLock.notifyAll();
            }
        }
        return before > 0;
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
        if (!spec.batch() || size.get() >= spec.batchMaxSize() || !batchTimerArmed.get() || host.draining()) {
            wake();
        }
    }

    /**
     * Waits until the queue has room (without reserving it: the publisher starts its reservations
     * over, holding no place while it waits), unless that room can never come.
     *
     * @param deadline the publish's deadline from an earlier wait, or 0 if this is its first
     * @return the publish's deadline, or {@link #BEYOND} if the room cannot come (every delivery
     *         that could make it waits for room itself, maybe this very thread): the publisher may
     *         then reserve beyond the capacity
     * @throws IllegalStateException if the queue stays full for {@code publish-timeout}, the
     *         bus has not started or stopped, the thread must not block or is interrupted, or no
     *         room can come and the places beyond the capacity are taken too
     */
    long awaitRoom(long deadline) {
        if (!host.started()) {
            throw refused(full("before the bus started (nothing is delivered until then)"));
        }
        if (!host.blockingAllowed()) {
            throw refused(full("and this thread must not block"));
        }
        if (deadline == 0) {
            // "| 1": never 0, which stands for "not set yet" (and for BEYOND)
            deadline = (System.nanoTime() + host.publishTimeout().toNanos()) | 1;
        }
        // only a delivering thread can be one that would make room elsewhere, and so be in a cycle;
        // with a publish-timeout of 0 nobody waits, and a full queue refuses as it always does
        if (DELIVERING.get() == null || host.publishTimeout().isZero()) {
            return waitForRoom(deadline, false);
        }
        List<Mailbox> stuck = host.roomWaits().enter(this);
        if (stuck != null) {
            return beyond(stuck);
        }
        try {
            return waitForRoom(deadline, true);
        } catch (NoRoomCanCome e) {
            return beyond(e.stuck);
        } finally {
            host.roomWaits().leave();
        }
    }

    /**
     * How often a delivering thread waiting for room looks again whether the room can come: a
     * cycle may close through threads that were still busy elsewhere when it first looked.
     */
    static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** Thrown out of {@link #waitForRoom} when a recheck finds that the room cannot come. */
    private static final class NoRoomCanCome extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient List<Mailbox> stuck;

        NoRoomCanCome(List<Mailbox> stuck) {
            super(null, null, false, false);
            this.stuck = stuck;
        }
    }

    /** Whether a reservation would find a place now. */
    boolean hasRoom() {
        int reserved = size.get();
        return reserved >= 0 && reserved < capacity;
    }

    /** Returned by {@link #awaitRoom} when no room can come. */
    static final long BEYOND = 0;

    private long beyond(List<Mailbox> stuck) {
        StringBuilder cycle = new StringBuilder();
        for (Mailbox mailbox : stuck) {
            cycle.append(cycle.length() == 0 ? "" : ", ").append(mailbox.spec.target()).append(" (topic '")
                    .append(mailbox.spec.topic()).append("')");
        }
        if (size.get() >= beyondLimit) {
            throw refused(new IllegalStateException("Signal Bus queue of subscriber " + spec.target() + " for topic '"
                    + spec.topic() + "' is full (" + capacity + " signals, and " + (beyondLimit - capacity)
                    + " more taken beyond its capacity from publishers that could not wait) and no room can come:"
                    + " every delivery that could make room is publishing into a full queue itself, in a cycle: "
                    + cycle + "; the signal was not published. Raise queue-capacity for the topics of the cycle,"
                    + " or let a subscriber of the cycle publish less than it receives"));
        }
        if (beyondLogged.compareAndSet(false, true)) {
            LOG.warnf("The queue of %s (topic '%s') is full (%d signals) and every delivery that could make room is"
                    + " publishing into a full queue itself (%s): a publisher that waited would wait for nothing, so"
                    + " its signal is queued beyond the capacity, up to %d signals in all; past that such a publish"
                    + " is refused. Logged once.", spec.target(), spec.topic(), capacity, cycle, beyondLimit);
        }
        return BEYOND;
    }

    /**
     * Waits until the queue has room or the deadline passes.
     *
     * @param recheck whether to look every {@link #RECHECK_NANOS} whether the room can still come
     *        (outside {@code roomLock}: the look takes the bus-wide lock of {@link RoomWaits})
     * @throws NoRoomCanCome when a recheck finds that it cannot
     */
    private long waitForRoom(long deadline, boolean recheck) {
        while (true) {
            if (recheck && !hasRoom()) {
                List<Mailbox> stuck = host.roomWaits().stuck(this);
                if (stuck != null) {
                    throw new NoRoomCanCome(stuck);
                }
            }
            synchronized (roomLock) {
                roomWaiters++; // before reading the size: a taker that frees a place then notifies us
                try {
                    int reserved = size.get();
                    if (host.stopped() || reserved < 0) {
                        // woken by the drain giving up: the room it made is not for us
                        throw host.stoppedException(spec.topic());
                    }
                    if (reserved < capacity) {
                        return deadline;
                    }
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        throw refused(full("for " + host.publishTimeout()));
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(roomLock,
                                recheck ? Math.min(remaining, RECHECK_NANOS) : remaining);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw refused(full("and the publishing thread was interrupted"));
                    }
                } finally {
                    roomWaiters--;
                }
            }
        }
    }

    /** Counts a refusal while the bus drains: the drain report is then not complete. */
    private IllegalStateException refused(IllegalStateException refusal) {
        if (topicMetrics != null) {
            topicMetrics.rejected();
        }
        if (host.draining()) {
            refusedWhileDraining.increment();
        }
        return refusal;
    }

    private IllegalStateException full(String why) {
        return new IllegalStateException("Signal Bus queue of subscriber " + spec.target() + " for topic '"
                + spec.topic() + "' is full (" + capacity + " signals) " + why
                + "; the signal was not published. Slow down the publisher, make the subscriber faster or"
                + " raise its concurrency, or raise queue-capacity for this topic.");
    }

    /**
     * Frees the places of {@code n} signals taken from the queue.
     *
     * @return {@code false} if a timed-out drain counted them as undelivered meanwhile: they are
     *         not delivered then
     */
    private boolean taken(int n) {
        int before = size.getAndAdd(-n);
        if (roomWaiters > 0) {
            synchronized (roomLock) {
                roomLock.notifyAll();
            }
        }
        return before >= 0;
    }

    /**
     * Wakes only a mailbox that holds signals: waking every idle subscriber at start would submit a
     * task for each, and a growing pool would start a thread for each.
     */
    void wakeIfQueued() {
        if (size.get() > 0) {
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
                    spec.target(), spec.topic(), Math.max(size.get(), 0), TimeUnit.NANOSECONDS.toMillis(delay),
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
                Object work = spec.batch() ? takeBatch(now, contexts, batchReceipts) : take(now);
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
        if (!taken(1)) {
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
        return !spec.batch() || size.get() >= spec.batchMaxSize() || !batchTimerArmed.get() || host.draining();
    }

    private boolean due(Timed head) {
        return host.draining() || System.nanoTime() - head.at >= spec.batchMaxWait().toNanos();
    }

    /**
     * @param now the delivery's start if {@link #clocked}
     * @param contexts receives the signals' captured contexts if traced, else {@code null}
     */
    private List<Object> takeBatch(long now, List<Object> contexts, List<Receipt> receipts) {
        Timed head = (Timed) queue.peek();
        if (head == null) {
            return null;
        }
        if (size.get() < spec.batchMaxSize() && !due(head)) {
            armBatchTimer(head);
            return null;
        }
        List<Object> batch = new ArrayList<>(Math.min(Math.max(size.get(), 1), spec.batchMaxSize()));
        Timed next;
        while (batch.size() < spec.batchMaxSize() && (next = (Timed) queue.poll()) != null) {
            batch.add(next.signal);
            if (contexts != null) {
                contexts.add(next.context);
            }
            if (receipts != null && next.receipt != null) {
                receipts.add(next.receipt);
            }
            if (metrics != null) {
                metrics.queued(Math.max(0, now - next.at));
            }
        }
        if (batch.isEmpty()) {
            return null;
        }
        inFlight.addAndGet(batch.size());
        if (!taken(batch.size())) {
            inFlight.addAndGet(-batch.size());
            return null;
        }
        return batch;
    }

    private void armBatchTimer(Timed head) {
        if (batchTimerArmed.compareAndSet(false, true)) {
            long wait = Math.max(0, spec.batchMaxWait().toNanos() - (System.nanoTime() - head.at));
            // the JDK's delay thread keeps the task until it is due, which may be long after the bus
            // stopped (a drain delivers partial batches at once): the task must not keep this
            // mailbox alive, nor through it the engine, the invokers and the whole application
            WeakReference<Mailbox> mailbox = new WeakReference<>(this);
            try {
                CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS).execute(() -> batchTimerFired(mailbox));
            } catch (RuntimeException | Error e) {
                // not even the JDK's delay thread could start: the batch goes at the next publish
                // that fills it, or at the drain
                batchTimerArmed.set(false);
                LOG.errorf(e, "Signal Bus could not arm the maxWait timer of %s (topic '%s')", spec.target(),
                        spec.topic());
            }
        }
    }

    private static void batchTimerFired(WeakReference<Mailbox> reference) {
        Mailbox mailbox = reference.get();
        if (mailbox != null) {
            mailbox.batchTimerArmed.set(false);
            mailbox.wake();
        }
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
     * After a drain that timed out (the bus is stopped): closes the queue to new reservations and
     * wakes publishers waiting for room, who then fail. What is queued stays where it is,
     * undelivered: reading it here could race a last drain task for the single-consumer queue.
     *
     * @return the signals not delivered, for the drain report: those queued (or reserved by a
     *         publisher on its way in) and those in flight
     */
    long discard() {
        int queued = size.getAndUpdate(s -> s | DISCARDED) & ~DISCARDED;
        if (queued > 0) {
            pending.done(queued);
        }
        if (roomWaiters > 0) {
            synchronized (roomLock) {
                roomLock.notifyAll();
            }
        }
        return (long) queued + inFlight.get();
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

    /** Signals waiting in the queue now (reserved places included), for the queue-depth gauge. */
    int queueDepth() {
        return Math.max(size.get(), 0);
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
