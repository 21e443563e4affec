package dev.signalbus.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One delivery of a subscriber's {@link Mailbox}, a signal or a batch taken by a {@link Dispatch}
 * drain task: the check that the signal fits the subscriber's parameter, the call of its
 * {@link SubscriberInvoker}, and what follows the outcome: the counts, the metrics, the span, the
 * failure report, the key's lane released, the broker's receipt counted down. A
 * {@code CompletionStage} result keeps the task's slot until it completes, then resumes the task.
 */
final class Delivery {

    private final SubscriberSpec spec;
    private final Dispatch dispatch;
    private final Pending pending;
    private final Failures failures;
    /** {@code null} without metrics. */
    private final BusMetrics.Subscriber metrics;
    /** {@code null} unless the subscriber has lanes per key. */
    private final KeyedQueue keyed;
    private final AtomicInteger inFlight;
    private final LongAdder delivered;
    private final LongAdder failed;

    Delivery(Mailbox mailbox, MailboxHost host, Dispatch dispatch) {
        this.spec = mailbox.spec;
        this.dispatch = dispatch;
        this.pending = host.pending();
        this.failures = host.failures();
        this.metrics = mailbox.metrics;
        this.keyed = mailbox.keyed;
        this.inFlight = mailbox.inFlight;
        this.delivered = mailbox.delivered;
        this.failed = mailbox.failed;
    }

    /**
     * @param work the signal, or the list of a batch
     * @param n how many signals {@code work} holds
     * @param start the delivery's start if the drain task is clocked
     * @param span the delivery's span if traced, else {@code null}
     * @param lane for a subscriber with a key, the lane of the signal, released when it is done
     * @param receipts the signal's {@link Receipt} or the batch's, if the topic receives from a broker
     * @return {@code true} if the delivery continues asynchronously: the slot stays held, and the
     *         completion gives the pending units back; otherwise the caller gives them back
     */
    boolean deliver(Object work, int n, long start, BusTracing.Traced span, KeyedQueue.Lane lane, Object receipts) {
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
                    dispatch.submit(); // resume this drain task: it still holds its slot
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
     * @param start the delivery's start if the drain task is clocked
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
                failures.report(spec.topic(), spec.target(), work, failure);
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
}
