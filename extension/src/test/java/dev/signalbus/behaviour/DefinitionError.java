package dev.signalbus.behaviour;

/** A scenario whose application must not start: the deployment (Weld SE) or the build or start (Quarkus) fails. */
public abstract class DefinitionError extends Scenario {

    /**
     * Checks the failure.
     *
     * @param messages the class and message of the failure, of each of its causes and suppressed exceptions, one a
     *        line
     * @param settingsPrefix the prefix of the bus's settings on that container ({@link Container#settingsPrefix()})
     */
    public abstract void check(String messages, String settingsPrefix);

    /** The class and message of {@code failure}, its causes and suppressed exceptions, one a line. */
    public static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        append(failure, all, 0);
        return all.toString();
    }

    private static void append(Throwable failure, StringBuilder all, int depth) {
        if (failure == null || depth > 10) {
            return;
        }
        all.append(failure.getClass().getName()).append(": ").append(failure.getMessage()).append('\n');
        for (Throwable suppressed : failure.getSuppressed()) {
            append(suppressed, all, depth + 1);
        }
        if (failure.getCause() != failure) {
            append(failure.getCause(), all, depth + 1);
        }
    }
}
