package dev.signalbus.it.kafka;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

/**
 * What the bridge's cases share: a directory per case under {@code -Dbridge.work-dir} (default
 * {@code target/bridge-runs}), the JVMs a case started (closed after it), waits that fail as soon as a count
 * stalls, and the {@code BRIDGE <label>case N: delivered=… duplicates=… lost=…} lines, printed and appended to
 * {@code BRIDGE.txt}. Shared with integration-tests/bridge-kafka-weld through this module's test-jar.
 *
 * @param <A> the kind of JVM the cases launch
 */
public abstract class BridgeCases<A extends JvmApp> {

    /** A count that does not move for this long fails the wait at once, instead of waiting for the maximum. */
    protected static final Duration STALL = Duration.ofSeconds(60);
    protected static final Duration MAX = Duration.ofMinutes(5);

    private final String label;
    private final List<A> apps = new ArrayList<>();
    private long began;

    /** @param label before {@code case N} in the lines: {@code ""} or, say, {@code "weld "} */
    protected BridgeCases(String label) {
        this.label = label;
    }

    public static Path workDir() {
        return Path.of(System.getProperty("bridge.work-dir", "target/bridge-runs"));
    }

    @BeforeAll
    static void freshSummary() throws IOException {
        Files.deleteIfExists(workDir().resolve("BRIDGE.txt"));
    }

    @AfterEach
    void stopApps(TestInfo test) throws InterruptedException {
        for (A app : apps) {
            app.close();
        }
        apps.clear();
        System.out.printf("BRIDGE %stiming: %s took %.1f s%n", label, test.getDisplayName(),
                (System.nanoTime() - began) / 1e9);
    }

    /** The case's directory, emptied; the case's clock starts. */
    protected Path caseDir(int n) throws IOException {
        began = System.nanoTime();
        Path dir = workDir().resolve("case" + n);
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

    /** Remembers the JVM, to close it after the case. */
    protected A start(A app) {
        apps.add(app);
        return app;
    }

    /** An order as the application writes it to Kafka. */
    protected static String json(long id) {
        return "{\"id\":" + id + ",\"payload\":\"good\"}";
    }

    /** Waits until {@code value} reaches {@code target}; fails at once if it stays put for {@link #STALL}. */
    protected static void awaitProgress(String what, Callable<Long> value, long target) {
        long[] last = { -1 };
        long[] changed = { System.nanoTime() };
        await(what).atMost(MAX).pollInterval(Duration.ofMillis(500)).until(() -> {
            long v = value.call();
            if (v != last[0]) {
                last[0] = v;
                changed[0] = System.nanoTime();
            } else if (System.nanoTime() - changed[0] > STALL.toNanos()) {
                throw new AssertionError(what + ": stuck at " + v + " of " + target + " for " + STALL);
            }
            return v >= target;
        });
    }

    /** Prints the case's line and appends it to {@code BRIDGE.txt}. */
    protected void report(int caseNumber, Ids ids, String details) throws IOException {
        String line = ids.line(label + "case " + caseNumber) + " (" + details
                + String.format(", %.1f s)", (System.nanoTime() - began) / 1e9);
        System.out.println(line);
        Files.writeString(workDir().resolve("BRIDGE.txt"), line + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
