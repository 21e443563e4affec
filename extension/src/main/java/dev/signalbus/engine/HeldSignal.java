package dev.signalbus.engine;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A signal held until a phase of its transaction ({@link TransactionSupport}). Until it is
 * released or dropped it counts as pending work: the drain at shutdown waits for it within
 * {@code shutdown-timeout}, and counts it as not delivered past that.
 * <p>
 * {@link #release()} publishes it; a publish that fails then (a queue still full past
 * {@code publish-timeout}, a bus that stopped meanwhile) cannot be thrown into the completed
 * transaction, so it is logged at ERROR and reported as a {@code SignalFailure} whose target is
 * the publisher. Only the first of {@link #release()} and {@link #drop()} has an effect.
 */
public final class HeldSignal {

    private final SignalBusEngine engine;
    private final String topic;
    private final Object signal;
    /** The {@code @Publishes} method, or {@code null} for {@code SignalBus#publish}; named only for a failure. */
    private final Method publisher;
    private final AtomicBoolean done = new AtomicBoolean();

    HeldSignal(SignalBusEngine engine, String topic, Object signal, Method publisher) {
        this.engine = engine;
        this.topic = topic;
        this.signal = signal;
        this.publisher = publisher;
    }

    /** The phase has come: publishes the signal, reporting a failure instead of throwing it. */
    public void release() {
        if (done.compareAndSet(false, true)) {
            engine.releaseHeld(this);
        }
    }

    /** The phase will never come (e.g. the transaction rolled back): nothing is published. */
    public void drop() {
        if (done.compareAndSet(false, true)) {
            engine.dropHeld(this);
        }
    }

    String topic() {
        return topic;
    }

    Object signal() {
        return signal;
    }

    /** {@code "com.acme.Orders#place"}, or {@code "SignalBus#publish"}: made only when it is needed. */
    String publisher() {
        return publisher == null ? "SignalBus#publish" : publisher.getDeclaringClass().getName() + "#" + publisher.getName();
    }
}
