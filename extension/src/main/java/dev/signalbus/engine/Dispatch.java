package dev.signalbus.engine;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The drain tasks of a subscriber's {@link Mailbox}. It holds no thread while idle: when a signal
 * arrives and fewer than {@code concurrency} drain tasks run, one is submitted to the executor; a
 * drain task delivers (each signal or batch through {@link Delivery}) until the queue is empty,
 * yielding the thread to the pool every {@link #BURST} deliveries so that busy subscribers share it
 * fairly. A task the executor refuses is run on the bus's own threads while it drains, and otherwise
 * offered again later.
 */
final class Dispatch {

    private static final BusLog LOG = BusLog.of(SignalBusEngine.class);
    static final int BURST = 64;
    /** A delivery task the executor refused is offered again after this delay, doubled each time. */
    static final long RETRY_FIRST_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final long RETRY_MAX_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** What a drain task does with its slot once its burst is over. */
    private static final int RELEASE = 0;
    private static final int RESUBMIT = 1;
    private static final int KEEP_FOR_ASYNC = 2;

    /** The subscriber whose signals the current thread is delivering, if any. */
    static final ThreadLocal<Mailbox> DELIVERING = new ThreadLocal<>();

    private final Mailbox mailbox;
    private final SubscriberSpec spec;
    private final MailboxHost host;
    private final Executor executor;
    /** The bus's pending work, given back by deliveries: held here, not asked of the host per burst. */
    private final Pending pending;
    /**
     * Whether a delivery takes a time stamp: only for metrics or a watch of stuck deliveries;
     * otherwise the delivery path reads no clock.
     */
    private final boolean clocked;
    /** Whether the queue holds {@link Mailbox.Timed} entries. */
    private final boolean stamped;
    /** {@code null} without tracing. */
    private final BusTracing tracing;
    /** Whether this subscriber's topic receives signals from a broker, each with its {@link Receipt}. */
    private final boolean receiving;
    /** Whether the mailbox takes a {@link KeyedQueue.Lane} rather than a signal. */
    private final boolean keyed;
    /** The batches of a {@code @Batch} subscriber; else {@code null}. */
    private final Batches batches;
    private final Delivery delivery;
    /** Drain tasks that hold one of the {@code concurrency} slots. */
    private final AtomicInteger workers = new AtomicInteger();
    private final AtomicBoolean retryArmed = new AtomicBoolean();
    private volatile long retryDelayNanos = RETRY_FIRST_NANOS;
    /** The threads running {@link #drain()} tasks now. */
    private final Runners runners = new Runners();

    Dispatch(Mailbox mailbox, MailboxHost host, Executor executor, boolean clocked) {
        this.mailbox = mailbox;
        this.spec = mailbox.spec;
        this.host = host;
        this.executor = executor;
        this.pending = host.pending();
        this.clocked = clocked;
        this.stamped = mailbox.stamped;
        this.tracing = host.tracing();
        this.receiving = host.receives(spec.topic());
        this.keyed = mailbox.keyed != null;
        this.batches = mailbox.batches;
        this.delivery = new Delivery(mailbox, host, this);
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
     * its thread back, or by an asynchronous delivery that completed). Never throws: whatever the
     * executor throws, a refusal or an error such as {@code OutOfMemoryError: unable to create
     * native thread}, the slot is released, the signals stay queued and the task is offered again
     * later.
     */
    void submit() {
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
                LOG.executorTakesAgain(spec.target(), spec.topic());
            }
            return;
        } catch (RuntimeException | Error e) {
            // an executor may have queued the task and then failed (ThreadPoolExecutor starting a
            // worker after the offer): whoever claims the task first owns the slot
            if (!task.claim()) {
                LOG.executorFailedAfterTaking(e, spec.target(), spec.topic());
                return;
            }
            refusal = e;
        }
        if (host.deliverOnFallback(new Task())) {
            return;
        }
        workers.decrementAndGet();
        // a signal queued after the slot was released wakes a task itself; a stopped bus retries nothing
        if (host.dispatching() && mailbox.hasDueWork()) {
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
            LOG.executorRefused(refusal, spec.target(), spec.topic(), mailbox.queueDepth(),
                    TimeUnit.NANOSECONDS.toMillis(delay), TimeUnit.NANOSECONDS.toSeconds(RETRY_MAX_NANOS));
        }
        // like the batch timer: the delay thread must not keep a stopped bus reachable
        WeakReference<Dispatch> dispatch = new WeakReference<>(this);
        try {
            CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS).execute(() -> retryFired(dispatch));
        } catch (RuntimeException | Error e) {
            // not even the JDK's delay thread could start: the next publish to this topic wakes a task
            retryArmed.set(false);
            LOG.retryNotArmed(e, spec.target(), spec.topic());
        }
    }

    private static void retryFired(WeakReference<Dispatch> reference) {
        Dispatch dispatch = reference.get();
        if (dispatch != null) {
            dispatch.retryArmed.set(false);
            dispatch.mailbox.wakeIfQueued();
        }
    }

    /**
     * A drain task: holds one slot from {@link #wake()} until it returns without rescheduling. The
     * thread leaves {@link #runners} before the slot is released or handed to the next task, so
     * that {@link RoomWaits} never counts a thread as this subscriber's while it no longer is.
     */
    private void drain() {
        Runners.Slot runner = runners.enter(Thread.currentThread());
        Mailbox outer = DELIVERING.get();
        DELIVERING.set(mailbox);
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
                if (mailbox.hasDueWork()) {
                    wake();
                }
            }
        }
    }

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
                Object work = spec.batch() ? batches.take(now, contexts, batchReceipts) : mailbox.take(now);
                if (work == null) {
                    return RELEASE;
                }
                if (spec.concurrency() > 1 && workers.get() < spec.concurrency() && mailbox.hasDueWork()) {
                    // a backlog (published before the start, or while the executor refused) gets up to
                    // concurrency tasks, not only the one that woke up
                    wake();
                }
                int n = spec.batch() ? ((List<?>) work).size() : 1;
                KeyedQueue.Lane lane = null;
                if (keyed) {
                    lane = (KeyedQueue.Lane) work;
                    work = lane.current;
                }
                BusTracing.Traced span = null;
                Object receipts = batchReceipts;
                if (stamped && !spec.batch()) {
                    Mailbox.Timed timed = (Mailbox.Timed) work;
                    work = timed.signal();
                    receipts = timed.receipt();
                    if (tracing != null) {
                        span = tracing.delivery(spec.topic(), spec.target(), timed.context());
                    }
                } else if (contexts != null) {
                    span = tracing.batch(spec.topic(), spec.target(), contexts);
                }
                boolean async = false;
                if (clocked) {
                    runner.since = now;
                }
                try {
                    async = delivery.deliver(work, n, now, span, lane, receipts);
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
        return mailbox.hasDueWork() ? RESUBMIT : RELEASE;
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
}
