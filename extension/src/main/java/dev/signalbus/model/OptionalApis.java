package dev.signalbus.model;

/**
 * Checks for APIs the application may or may not have (MicroProfile Config, Jakarta Concurrency)
 * without loading the classes that use them, so the extension runs in containers without them; for
 * both front doors and the integrations.
 */
public final class OptionalApis {

    private OptionalApis() {
    }

    /** Whether {@code className} can be loaded by the loader of Signal Bus's own classes (not initialized). */
    public static boolean isPresent(String className) {
        try {
            Class.forName(className, false, OptionalApis.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
