package dev.signalbus.engine;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import dev.signalbus.SignalFailure;

/** Logs a failure, then hands it to the front door (which fires the CDI event). */
final class Failures {

    private static final BusLog LOG = BusLog.of(SignalBusEngine.class);

    private final Consumer<SignalFailure> handler;

    Failures(Consumer<SignalFailure> handler) {
        this.handler = handler;
    }

    void report(String topic, String target, Object signal, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (topic == null) {
            LOG.periodicTaskFailed(cause, target);
        } else {
            LOG.subscriberFailed(cause, target, topic);
        }
        try {
            handler.accept(new SignalFailure(topic, target, signal, cause));
        } catch (Throwable t) {
            // an observer of SignalFailure must not break delivery; the failure itself is logged above
            LOG.failureObserverFailed(t, target);
        }
    }

    /** A signal that a bridge to a broker could not pass on ({@code target} names its channel). */
    void reportPassOn(String topic, String target, Object signal, Throwable failure) {
        Throwable cause = unwrap(failure);
        LOG.notPassedOn(cause, target, topic);
        try {
            handler.accept(new SignalFailure(topic, target, signal, cause));
        } catch (Throwable t) {
            LOG.failureObserverFailed(t, target);
        }
    }

    /**
     * A signal held until its transaction's phase could not be published then: it cannot be thrown
     * into the completed transaction, so it is logged and handed on like a subscriber's failure,
     * with the publisher as target.
     */
    void reportHeld(String topic, String publisher, Object signal, Throwable failure) {
        LOG.heldSignalNotPublished(failure, publisher, topic, signal);
        try {
            handler.accept(new SignalFailure(topic, publisher, signal, failure));
        } catch (Throwable t) {
            LOG.failureObserverFailed(t, publisher);
        }
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
