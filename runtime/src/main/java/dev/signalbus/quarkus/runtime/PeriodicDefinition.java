package dev.signalbus.quarkus.runtime;

import io.quarkus.runtime.annotations.RecordableConstructor;

/**
 * A periodic task method found at build time. Internal: recorded by the deployment module.
 */
public final class PeriodicDefinition {

    /** {@code "com.acme.Foo#bar"}, also the scheduler job identity. */
    public final String target;
    /** {@code "com.acme.Foo#bar(Order, Mailer)"}, for messages: tells overloads apart. */
    public final String signature;
    /** {@code @PeriodicTask(every)} as written, may be a {@code ${key}} expression. */
    public final String every;
    /** {@code @PeriodicTask(delay)} as written, may be a {@code ${key}} expression. */
    public final String delay;
    /** Number of parameters, all of them looked up. */
    public final int parameterCount;
    /** Where the method runs. */
    public final ExecutionModel executionModel;
    /** The number of the ArC invoker in {@link Invokers}, with instance lookup and argument lookup for every parameter. */
    public final int invoker;

    @RecordableConstructor
    public PeriodicDefinition(String target, String signature, String every, String delay, int parameterCount,
            ExecutionModel executionModel, int invoker) {
        this.target = target;
        this.signature = signature;
        this.every = every;
        this.delay = delay;
        this.parameterCount = parameterCount;
        this.executionModel = executionModel;
        this.invoker = invoker;
    }
}
