package dev.signalbus.cdi;

/**
 * Checks for APIs the application may or may not have (MicroProfile Config, Jakarta Concurrency)
 * without loading the classes that use them, so the extension runs in containers without them.
 */
final class OptionalApis {

    private OptionalApis() {
    }

    static boolean isPresent(String className) {
        try {
            Class.forName(className, false, OptionalApis.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
