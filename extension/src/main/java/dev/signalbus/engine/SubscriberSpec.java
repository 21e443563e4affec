package dev.signalbus.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

import dev.signalbus.model.Durations;

/**
 * One subscriber method as the engine sees it.
 *
 * @param topic the topic it receives
 * @param target {@code "com.acme.Foo#bar"}, used in failures, logs and error messages
 * @param signalType the (boxed, raw) type every signal must be an instance of; for a batch the
 *        element type. A signal that is not is reported as a {@code SignalFailure}.
 * @param concurrency deliveries in flight at once, {@code 1} keeps publish order
 * @param batchMaxSize {@code 0} for a plain subscriber, otherwise the largest batch
 * @param batchMaxWait how long a non-empty batch waits to fill up ({@code null} unless a batch)
 * @param invoker calls the method
 * @param key reads a signal's key for per-key order ({@code null}: none); signals of equal keys
 *        are delivered one at a time in publish order, different keys up to {@code concurrency}
 *        at once. Not with a batch.
 */
public record SubscriberSpec(String topic, String target, Class<?> signalType, int concurrency,
        int batchMaxSize, Duration batchMaxWait, SubscriberInvoker invoker, Function<Object, Object> key) {

    public SubscriberSpec {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(signalType, "signalType");
        Objects.requireNonNull(invoker, "invoker");
        if (topic.isBlank()) {
            throw new IllegalArgumentException(target + ": the topic must not be blank");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException(target + ": concurrency must be positive, was " + concurrency);
        }
        if (batchMaxSize < 0 || (batchMaxSize > 0 && (batchMaxWait == null || batchMaxWait.isNegative()
                || Durations.tooLong(batchMaxWait)))) {
            throw new IllegalArgumentException(target + ": invalid batch " + batchMaxSize + "/" + batchMaxWait
                    + ": maxSize must be positive and maxWait zero or positive, at most " + Durations.MAX_TEXT);
        }
        if (key != null && batchMaxSize > 0) {
            throw new IllegalArgumentException(target + ": a key cannot be used with a batch");
        }
    }

    /** A subscriber without a key. */
    public SubscriberSpec(String topic, String target, Class<?> signalType, int concurrency, int batchMaxSize,
            Duration batchMaxWait, SubscriberInvoker invoker) {
        this(topic, target, signalType, concurrency, batchMaxSize, batchMaxWait, invoker, null);
    }

    /** A subscriber with per-key order. */
    public static SubscriberSpec keyed(String topic, String target, Class<?> signalType, int concurrency,
            Function<Object, Object> key, SubscriberInvoker invoker) {
        return new SubscriberSpec(topic, target, signalType, concurrency, 0, null, invoker, Objects.requireNonNull(key));
    }

    /** Whether signals are ordered per key. */
    public boolean keyed() {
        return key != null;
    }

    /** A plain (non-batch) subscriber. */
    public static SubscriberSpec of(String topic, String target, Class<?> signalType, int concurrency,
            SubscriberInvoker invoker) {
        return new SubscriberSpec(topic, target, signalType, concurrency, 0, null, invoker);
    }

    /** Whether signals are delivered as lists. */
    public boolean batch() {
        return batchMaxSize > 0;
    }
}
