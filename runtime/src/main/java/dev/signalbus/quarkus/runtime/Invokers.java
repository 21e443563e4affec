package dev.signalbus.quarkus.runtime;

import jakarta.enterprise.invoke.Invoker;

/**
 * Creates the ArC invoker of a subscriber or periodic method by its index. Internal: the deployment
 * module generates the one implementation (a chain of {@code new} expressions, no reflection), so
 * that an invoker class is loaded when its method is first called rather than all of them at
 * start-up (1,000 subscriber methods: 1,000 classes, about 75 ms on two cores).
 */
public interface Invokers {

    /** The name of the generated implementation. */
    String GENERATED = "dev.signalbus.quarkus.runtime.Invokers_Generated";

    /** @return a new invoker of the method numbered {@code index} at build time */
    Invoker<Object, Object> create(int index);

    /**
     * Reads the key of a {@code @Subscribes(key = ...)} subscriber's signal: a cast and a call of the accessor (or a
     * read of the field) generated at build time, no reflection.
     *
     * @param reader the number of the key accessor at build time
     * @return the key, primitives boxed
     */
    Object key(int reader, Object signal);
}
