package dev.signalbus.quarkus.runtime;

import io.quarkus.runtime.annotations.RecordableConstructor;

/**
 * A subscriber method found at build time. Internal: recorded by the deployment module.
 */
public final class SubscriberDefinition {

    /** The topic. */
    public final String topic;
    /** {@code "com.acme.Foo#bar"}. */
    public final String target;
    /** {@code "com.acme.Foo#bar(Order, Mailer)"}, for messages: tells overloads apart. */
    public final String signature;
    /** Binary name of the boxed raw class every signal must be an instance of (the element type for a batch). */
    public final String signalClass;
    /** Deliveries in flight at once. */
    public final int concurrency;
    /** {@code 0}, or the largest batch. */
    public final int batchMaxSize;
    /** {@code @Batch(maxWait)} as written, may be a {@code ${key}} expression; {@code null} unless a batch. */
    public final String batchMaxWait;
    /** Index of the signal parameter. */
    public final int signalIndex;
    /** Number of parameters. */
    public final int parameterCount;
    /** Where the method runs. */
    public final ExecutionModel executionModel;
    /** The number of the ArC invoker in {@link Invokers}, with instance lookup and argument lookup for every other parameter. */
    public final int invoker;
    /** The number of the key reader in {@link Invokers#key}, {@code -1} without {@code @Subscribes(key)}. */
    public final int keyReader;

    @RecordableConstructor
    public SubscriberDefinition(String topic, String target, String signature, String signalClass, int concurrency,
            int batchMaxSize, String batchMaxWait, int signalIndex, int parameterCount, ExecutionModel executionModel,
            int invoker, int keyReader) {
        this.topic = topic;
        this.target = target;
        this.signature = signature;
        this.signalClass = signalClass;
        this.concurrency = concurrency;
        this.batchMaxSize = batchMaxSize;
        this.batchMaxWait = batchMaxWait;
        this.signalIndex = signalIndex;
        this.parameterCount = parameterCount;
        this.executionModel = executionModel;
        this.invoker = invoker;
        this.keyReader = keyReader;
    }
}
