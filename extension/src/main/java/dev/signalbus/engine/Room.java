package dev.signalbus.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bound of one subscriber's {@link Mailbox}: the count of places reserved in its queue, and the
 * publishers waiting for a place. The queue itself never refuses a signal; a publisher reserves a
 * place here before every offer (all or nothing across a topic's subscribers), and a delivery gives
 * it back when it takes the signal. A publisher that finds the queue full gives back what it holds
 * and waits for room here ({@link #awaitRoom}), up to {@code publish-timeout}.
 * <p>
 * A publisher whose wait for room could never end ({@link RoomWaits}: the only deliveries that
 * could make room wait for room themselves) does not wait: it may put its signal beyond the
 * capacity, up to {@link #beyondLimit} signals in all (twice the capacity), and past that it is
 * refused at once with an exception naming the subscribers of the cycle.
 */
final class Room {

    private static final BusLog LOG = BusLog.of(SignalBusEngine.class);
    /**
     * Set in {@link #size} by {@link #discard()}: from then on a reservation fails, and the count
     * discard read is exactly the signals it reports, whichever side of it a publisher was.
     */
    private static final int DISCARDED = Integer.MIN_VALUE;
    /** Returned by {@link #awaitRoom} when no room can come. */
    static final long BEYOND = 0;
    /**
     * How often a delivering thread waiting for room looks again whether the room can come: a
     * cycle may close through threads that were still busy elsewhere when it first looked.
     */
    static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** The mailbox whose queue this bounds, as {@link RoomWaits} knows it. */
    private final Mailbox mailbox;
    private final SubscriberSpec spec;
    private final MailboxHost host;
    final int capacity;
    /**
     * How many signals the queue holds at most with those of publishers that could not wait: twice
     * the capacity, within {@link BusConfig#MAX_QUEUE_CAPACITY} (the queue is made that large).
     */
    final int beyondLimit;
    /**
     * Reserved places in the queue: incremented before an offer, decremented after a take; its
     * sign bit ({@link #DISCARDED}) closes the queue after a drain that timed out.
     */
    private final AtomicInteger size = new AtomicInteger();
    private final Object lock = new Object();
    private volatile int waiters;
    /** Publishes refused by this full queue while the bus drained: they make the drain incomplete. */
    final LongAdder refusedWhileDraining = new LongAdder();
    private final AtomicBoolean beyondLogged = new AtomicBoolean();

    Room(Mailbox mailbox, int capacity, MailboxHost host) {
        this.mailbox = mailbox;
        this.spec = mailbox.spec;
        this.host = host;
        this.capacity = capacity;
        this.beyondLimit = capacity + Math.min(capacity, BusConfig.MAX_QUEUE_CAPACITY - capacity);
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
        wakeWaiters();
        return before > 0;
    }

    /**
     * Frees the places of {@code n} signals taken from the queue.
     *
     * @return {@code false} if a timed-out drain counted them as undelivered meanwhile: they are
     *         not delivered then
     */
    boolean taken(int n) {
        int before = size.getAndAdd(-n);
        wakeWaiters();
        return before >= 0;
    }

    private void wakeWaiters() {
        if (waiters > 0) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /** Places reserved now (signals queued, or on a publisher's way in); negative once discarded. */
    int reserved() {
        return size.get();
    }

    /** Whether a reservation would find a place now. */
    boolean hasRoom() {
        int reserved = size.get();
        return reserved >= 0 && reserved < capacity;
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
        if (Dispatch.DELIVERING.get() == null || host.publishTimeout().isZero()) {
            return waitForRoom(deadline, false);
        }
        List<Mailbox> stuck = host.roomWaits().enter(mailbox);
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

    /** Thrown out of {@link #waitForRoom} when a recheck finds that the room cannot come. */
    private static final class NoRoomCanCome extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient List<Mailbox> stuck;

        NoRoomCanCome(List<Mailbox> stuck) {
            super(null, null, false, false);
            this.stuck = stuck;
        }
    }

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
            LOG.queuedBeyondCapacity(spec.target(), spec.topic(), capacity, cycle, beyondLimit);
        }
        return BEYOND;
    }

    /**
     * Waits until the queue has room or the deadline passes.
     *
     * @param recheck whether to look every {@link #RECHECK_NANOS} whether the room can still come
     *        (outside {@code lock}: the look takes the bus-wide lock of {@link RoomWaits})
     * @throws NoRoomCanCome when a recheck finds that it cannot
     */
    private long waitForRoom(long deadline, boolean recheck) {
        while (true) {
            if (recheck && !hasRoom()) {
                List<Mailbox> stuck = host.roomWaits().stuck(mailbox);
                if (stuck != null) {
                    throw new NoRoomCanCome(stuck);
                }
            }
            synchronized (lock) {
                waiters++; // before reading the size: a taker that frees a place then notifies us
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
                        TimeUnit.NANOSECONDS.timedWait(lock, recheck ? Math.min(remaining, RECHECK_NANOS) : remaining);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw refused(full("and the publishing thread was interrupted"));
                    }
                } finally {
                    waiters--;
                }
            }
        }
    }

    /** Counts a refusal while the bus drains: the drain report is then not complete. */
    private IllegalStateException refused(IllegalStateException refusal) {
        if (mailbox.topicMetrics != null) {
            mailbox.topicMetrics.rejected();
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
     * After a drain that timed out (the bus is stopped): closes the queue to new reservations,
     * gives back the pending units of the signals it held, and wakes publishers waiting for room,
     * who then fail.
     *
     * @return the signals queued (or reserved by a publisher on its way in) when it closed
     */
    int discard() {
        int queued = size.getAndUpdate(s -> s | DISCARDED) & ~DISCARDED;
        if (queued > 0) {
            host.pending().done(queued);
        }
        wakeWaiters();
        return queued;
    }
}
