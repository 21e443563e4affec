package dev.signalbus.engine;

import java.time.Duration;

/**
 * What a subscriber's {@link Mailbox} (and its parts) sees of the bus that holds it: where the bus
 * is in its life, the counters and registries shared by every subscriber, and the few settings a
 * queue reads. Not the engine: a mailbox cannot publish, start or drain. {@link SignalBusEngine}
 * provides the one implementation.
 */
interface MailboxHost {

    /** Whether {@link SignalBusEngine#start()} was called: before it nothing is delivered. */
    boolean started();

    /** Whether delivery tasks run: the bus runs or drains. */
    boolean dispatching();

    /** Whether the bus drains: partial batches are due at once, refusals make the drain incomplete. */
    boolean draining();

    /** Whether the drain has ended: publishing throws. */
    boolean stopped();

    /** The exception a publisher gets once the bus has stopped. */
    IllegalStateException stoppedException(String topic);

    /** How long a publisher waits for room in a full queue ({@code publish-timeout}). */
    Duration publishTimeout();

    /** Whether the calling thread may block waiting for room (not an event loop). */
    boolean blockingAllowed();

    /** The bus's work in progress, which the deliveries give back. */
    Pending pending();

    /** The bus-wide register of the deliveries that wait for room. */
    RoomWaits roomWaits();

    /** Where delivery failures go. */
    Failures failures();

    /** {@code null} without tracing. */
    BusTracing tracing();

    /** Whether {@code topic}'s signals also come from a broker (then its queues carry receipts). */
    boolean receives(String topic);

    /**
     * Whether publishers wrap each signal with its publish time and trace context (for metrics or
     * tracing): then every subscriber's queue holds {@link Mailbox.Timed} entries.
     */
    boolean stampsSignals();

    /**
     * Runs a delivery task the executor refused on the bus's own drain thread, if the bus is
     * draining: the drain must not stop because the container stopped lending threads first.
     *
     * @return {@code false} if the bus is not draining (the caller reports the refusal)
     */
    boolean deliverOnFallback(Runnable task);
}
