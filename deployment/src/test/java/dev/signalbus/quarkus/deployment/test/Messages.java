package dev.signalbus.quarkus.deployment.test;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** The text of a build failure: its message and those of its causes and suppressed exceptions. */
final class Messages {

    private Messages() {
    }

    static String of(Throwable failure) {
        StringBuilder text = new StringBuilder();
        collect(failure, text, Collections.newSetFromMap(new IdentityHashMap<>()));
        return text.toString();
    }

    private static void collect(Throwable failure, StringBuilder text, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return;
        }
        text.append(failure.getMessage()).append('\n');
        for (Throwable suppressed : failure.getSuppressed()) {
            collect(suppressed, text, seen);
        }
        collect(failure.getCause(), text, seen);
    }
}
