package dev.signalbus.engine;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.jboss.logging.Logger;

/**
 * One subscriber method's bounded queue and its dispatch. It holds no thread while idle: when a
 * signal arrives and fewer than {@code concurrency} drain tasks run, one is submitted to the
 * executor; a drain task delivers until the queue is empty, yielding the thread to the pool every
 * {@link #BURST} deliveries so that busy subscribers share it fairly.
 */
final class Mailbox {

    private static final Logger LOG = Logger.getLogger(SignalBusEngine.class);
    static final int BURST = 64;

    final SubscriberSpec spec;
    final int capacity;
    private final SignalBusEngine engine;
    private final Executor executor;

    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    /** Reserved places in the queue: incremented before an offer, decremented after a take. */
    private final AtomicInteger size = new AtomicInteger();
    /** Signals taken from the queue whose delivery has not finished. */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Drain tasks that hold one of the {@code concurrency} slots. */
    private final AtomicInteger workers = new AtomicInteger();
    private final Object roomLock = new Object();
    private volatile int roomWaiters;
    private final AtomicBoolean batchTimerArmed = new AtomicBoolean();
    private final Runnable drain = this::drain;

    /** The threads running {@link #drain()} tasks now. */
    private final Runners runners = new Runners();

    final LongAdder delivered = new LongAdder();
    final LongAdder failed = new LongAdder();

    Mailbox(SubscriberSpec spec, int capacity, SignalBusEngine engine, Executor executor) {
        this.spec = spec;
        this.capacity = capacity;
        this.engine = engine;
        this.executor = executor;
    }

    /** Queues a signal, waiting for room when full; the caller already holds a publish guard. */
    void offer(Object signal) {
        reserve();
        enqueue(signal);
    }

    /** Reserves a place, waiting for room when full; the caller already holds a publish guard. */
    void reserve() {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            awaitRoom();
        }
    }

    /** Gives back a place reserved for a signal that is not queued after all. */
    void unreserve() {
        taken(1);
    }

    /** Queues a signal into a place reserved with {@link #reserve()}. */
    void enqueue(Object signal) {
        engine.pending.increment();
        Object entry = spec.batch() ? new Timed(signal, System.nanoTime()) : signal;
        queue.offer(entry);
        if (engine.stopped()) {
            withdraw(entry);
        }
        if (!spec.batch() || size.get() >= spec.batchMaxSize() || !batchTimerArmed.get() || engine.draining()) {
            wake();
        }
    }

    /**
     * The drain timed out while this publisher was on its way in: the queue has been discarded (and
     * reported) and nobody will deliver what is queued now. Either our signal is still there, and
     * we take it back and tell the publisher, or the drain's {@link #discard()} got it and counted it
     * in its report (or a last drain task delivered it).
     */
    private void withdraw(Object entry) {
        if (queue.remove(entry)) {
            taken(1);
            engine.pending.decrement();
            throw engine.stoppedException(spec.topic());
        }
    }

    private void awaitRoom() {
        if (!engine.started()) {
            throw full("before the bus started (nothing is delivered until then)");
        }
        if (!engine.blockingAllowed.getAsBoolean()) {
            throw full("and this thread must not block");
        }
        long timeout = engine.config.publishTimeout().toNanos();
        long deadline = System.nanoTime() + timeout;
        synchronized (roomLock) {
            roomWaiters++;
            try {
                while (true) {
                    if (engine.stopped()) {
                        // woken by the drain giving up: the room it made is not for us
                        throw engine.stoppedException(spec.topic());
                    }
                    if (size.incrementAndGet() <= capacity) {
                        return;
                    }
                    size.decrementAndGet();
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        throw full("for " + engine.config.publishTimeout());
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(roomLock, remaining);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw full("and the publishing thread was interrupted");
                    }
                }
            } finally {
                roomWaiters--;
            }
        }
    }

    private IllegalStateException full(String why) {
        return new IllegalStateException("Signal Bus queue of subscriber " + spec.target() + " for topic '"
                + spec.topic() + "' is full (" + capacity + " signals) " + why
                + "; the signal was not published. Slow down the publisher, make the subscriber faster or"
                + " raise its concurrency, or raise queue-capacity for this topic.");
    }

    private void taken(int n) {
        size.addAndGet(-n);
        if (roomWaiters > 0) {
            synchronized (roomLock) {
                roomLock.notifyAll();
            }
        }
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
        if (!engine.dispatching()) {
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

    private void submit() {
        try {
            executor.execute(drain);
        } catch (RejectedExecutionException e) {
            workers.decrementAndGet();
            LOG.errorf(e, "The executor rejected a delivery task of %s (topic '%s'); %d signals stay queued",
                    spec.target(), spec.topic(), size.get());
        }
    }

    /** A drain task: holds one slot from {@link #wake()} until it returns without rescheduling. */
    private void drain() {
        Thread thread = Thread.currentThread();
        runners.enter(thread);
        try {
            deliverBurst();
        } finally {
            runners.leave(thread);
        }
    }

    private void deliverBurst() {
        for (int burst = 0; burst < BURST; burst++) {
            if (!engine.dispatching()) {
                workers.decrementAndGet();
                return;
            }
            Object work = spec.batch() ? takeBatch() : take();
            if (work == null) {
                workers.decrementAndGet();
                // a signal offered after our empty take may have seen every slot taken
                if (hasDueWork()) {
                    wake();
                }
                return;
            }
            if (deliver(work)) {
                return; // an async result resumes this task when it completes
            }
        }
        submit(); // keep the slot, give the thread back to the pool
    }

    private Object take() {
        Object signal = queue.poll();
        if (signal != null) {
            inFlight.incrementAndGet();
            taken(1);
        }
        return signal;
    }

    private boolean hasDueWork() {
        if (!spec.batch()) {
            return !queue.isEmpty();
        }
        Timed head = (Timed) queue.peek();
        // a waiting partial batch with no timer armed needs a task to arm one: our arming may have
        // failed on an older timer that fired just before we released the slot, finding it taken
        return head != null && (size.get() >= spec.batchMaxSize() || due(head) || !batchTimerArmed.get());
    }

    private boolean due(Timed head) {
        return engine.draining() || System.nanoTime() - head.at >= spec.batchMaxWait().toNanos();
    }

    private List<Object> takeBatch() {
        Timed head = (Timed) queue.peek();
        if (head == null) {
            return null;
        }
        if (size.get() < spec.batchMaxSize() && !due(head)) {
            armBatchTimer(head);
            return null;
        }
        List<Object> batch = new ArrayList<>(Math.min(size.get(), spec.batchMaxSize()));
        Timed next;
        while (batch.size() < spec.batchMaxSize() && (next = (Timed) queue.poll()) != null) {
            batch.add(next.signal);
        }
        if (batch.isEmpty()) {
            return null;
        }
        inFlight.addAndGet(batch.size());
        taken(batch.size());
        return batch;
    }

    private void armBatchTimer(Timed head) {
        if (batchTimerArmed.compareAndSet(false, true)) {
            long wait = Math.max(0, spec.batchMaxWait().toNanos() - (System.nanoTime() - head.at));
            // the JDK's delay thread keeps the task until it is due, which may be long after the bus
            // stopped (a drain delivers partial batches at once): the task must not keep this
            // mailbox alive, nor through it the engine, the invokers and the whole application
            WeakReference<Mailbox> mailbox = new WeakReference<>(this);
            CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS).execute(() -> batchTimerFired(mailbox));
        }
    }

    private static void batchTimerFired(WeakReference<Mailbox> reference) {
        Mailbox mailbox = reference.get();
        if (mailbox != null) {
            mailbox.batchTimerArmed.set(false);
            mailbox.wake();
        }
    }

    /** @return {@code true} if the delivery continues asynchronously (the slot stays held) */
    private boolean deliver(Object work) {
        int n = spec.batch() ? ((List<?>) work).size() : 1;
        ClassCastException mismatch = checkType(work);
        if (mismatch != null) {
            finished(work, n, mismatch);
            return false;
        }
        Object result;
        try {
            result = spec.invoker().invoke(work);
        } catch (Throwable t) {
            finished(work, n, t);
            return false;
        }
        if (result instanceof CompletionStage<?> stage) {
            CompletableFuture<?> future = stage instanceof CompletableFuture<?> cf ? cf : null;
            if (future == null || !future.isDone()) {
                stage.whenComplete((ignored, failure) -> {
                    finished(work, n, failure);
                    submit(); // resume this drain task: it still holds its slot
                });
                return true;
            }
            finished(work, n, future.isCompletedExceptionally() ? exceptionOf(future) : null);
            return false;
        }
        finished(work, n, null);
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

    private void finished(Object work, int n, Throwable failure) {
        try {
            if (failure == null) {
                delivered.add(n);
            } else {
                failed.add(n);
                engine.failures.report(spec.topic(), spec.target(), work, failure);
            }
        } finally {
            inFlight.addAndGet(-n);
            engine.pending.done(n);
        }
    }

    /**
     * After a drain that timed out (the bus is stopped): forgets what is queued and wakes
     * publishers waiting for room, who then fail.
     *
     * @return the signals not delivered, for the drain report: those discarded and those in flight
     */
    long discard() {
        int n = 0;
        while (queue.poll() != null) {
            n++;
        }
        if (n > 0) {
            taken(n); // also wakes waiting publishers
            engine.pending.done(n);
        } else if (roomWaiters > 0) {
            synchronized (roomLock) {
                roomLock.notifyAll();
            }
        }
        return (long) n + inFlight.get();
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

    /** A batch subscriber's signal with the time it was queued. */
    record Timed(Object signal, long at) {
    }
}
