package dev.signalbus.engine;

/**
 * How a front door calls one subscriber method: it resolves the bean instance and the injected
 * arguments, activates a request context, and calls the method.
 */
@FunctionalInterface
public interface SubscriberInvoker {

    /**
     * @param signal the signal, or a {@link java.util.List} of signals for a batch subscriber
     * @return the method's result; a {@link java.util.concurrent.CompletionStage} makes the
     *         delivery last until it completes (an exceptional completion is a failure)
     */
    Object invoke(Object signal) throws Throwable;
}
