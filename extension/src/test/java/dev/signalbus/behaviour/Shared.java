package dev.signalbus.behaviour;

import java.util.function.Supplier;

/**
 * State a scenario shares between its application and {@link Behaviour#afterStop}, which on Quarkus run in two class
 * loaders: JDK objects only, kept in the system properties, which both loaders see. {@link #clear} forgets a
 * scenario's state once its checks are done.
 */
public final class Shared {

    private static final String PREFIX = "signalbus.behaviour.";

    private Shared() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> initial) {
        return (T) System.getProperties().computeIfAbsent(PREFIX + key, k -> initial.get());
    }

    /** Forgets every key that starts with {@code prefix}. */
    public static void clear(String prefix) {
        System.getProperties().keySet().removeIf(key -> key instanceof String name
                && name.startsWith(PREFIX + prefix));
    }

    /** Prints a reliability case's figures: the {@code RELIABILITY} lines of docs/reliability.md. */
    public static void print(String testCase, String container, String figures, long startNanos) {
        System.out.printf("RELIABILITY %-40s %s; took %d ms%n", testCase + " (" + container + ")", figures,
                (System.nanoTime() - startNanos) / 1_000_000);
    }
}
