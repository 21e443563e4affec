package dev.signalbus.quarkus.deployment.test.reliability;

import java.util.function.Supplier;

/**
 * State a case shares between the application (whose classes QuarkusUnitTest loads in its own
 * class loader) and the checks that run after the application stopped (in the test's class
 * loader): JDK objects only, kept in the system properties, which both loaders see.
 */
final class Shared {

    private Shared() {
    }

    @SuppressWarnings("unchecked")
    static <T> T get(String key, Supplier<T> initial) {
        return (T) System.getProperties().computeIfAbsent("signalbus.reliability." + key, k -> initial.get());
    }

    /** Forgets what a case kept, once its checks are done. */
    static void clear(String prefix) {
        System.getProperties().keySet().removeIf(key -> key instanceof String name
                && name.startsWith("signalbus.reliability." + prefix));
    }

    static void print(String testCase, String figures, long startNanos) {
        System.out.printf("RELIABILITY %-28s %s; took %d ms%n", testCase, figures,
                (System.nanoTime() - startNanos) / 1_000_000);
    }
}
