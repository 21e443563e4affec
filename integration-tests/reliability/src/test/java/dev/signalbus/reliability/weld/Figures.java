package dev.signalbus.reliability.weld;

import java.time.Duration;

/** Prints the measured figures of a case in one line, for docs/reliability.md. */
final class Figures {

    private Figures() {
    }

    static void print(String testCase, String figures, long startNanos) {
        System.out.printf("RELIABILITY %-28s %s; took %d ms%n", testCase, figures,
                Duration.ofNanos(System.nanoTime() - startNanos).toMillis());
    }
}
