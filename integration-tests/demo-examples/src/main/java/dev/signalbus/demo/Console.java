package dev.signalbus.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where the examples print: standard output, with the example's tag in front, and a record of the
 * lines so that each demo's main class can wait until each example has shown what it should.
 */
@ApplicationScoped
public class Console {

    /** Guards {@link #lines}; not {@code this}, which callers only reach through a client proxy. */
    private final Object lock = new Object();
    private final List<String> lines = new ArrayList<>();

    /** Prints {@code "[tag] text"}. */
    public void println(String tag, String text) {
        String line = "[" + tag + "] " + text;
        synchronized (lock) {
            lines.add(line);
            System.out.println(line);
            lock.notifyAll();
        }
    }

    /**
     * Waits until {@code line} was printed at least {@code times} times.
     *
     * @throws IllegalStateException when it was not within {@code timeout}
     */
    public void await(String line, int times, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (count(line) < times) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new IllegalStateException("The demo did not print \"" + line + "\" " + times
                            + " time(s) within " + timeout + "; it printed: " + lines);
                }
                lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
            }
        }
    }

    private long count(String line) {
        long count = 0;
        for (String printed : lines) {
            if (printed.equals(line)) {
                count++;
            }
        }
        return count;
    }
}
