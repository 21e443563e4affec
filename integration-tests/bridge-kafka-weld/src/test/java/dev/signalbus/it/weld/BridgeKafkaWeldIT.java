package dev.signalbus.it.weld;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Cases 1 and 3 of the bridge (issue 13) with the portable extension on Weld SE, against the real broker that the
 * build started: A ({@code -Dapp.role=sender}) publishes numbered {@link dev.signalbus.it.weld.Order}s to topic
 * {@code orders}, bridged out to a Kafka topic; B ({@code -Dapp.role=receiver}, one or two instances in one consumer
 * group) bridges that Kafka topic in to its topic {@code orders}, whose subscriber appends each delivered id to the
 * instance's file. Counted from the files: each case prints {@code BRIDGE weld case N: delivered=… duplicates=…
 * lost=…} and requires {@code lost=0}. Each case has its own Kafka topic, consumer group and directory under
 * {@code target/bridge-runs} with each JVM's log and files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BridgeKafkaWeldIT {

    /** A count that does not move for this long fails the wait at once, instead of waiting for the maximum. */
    private static final Duration STALL = Duration.ofSeconds(60);
    private static final Duration MAX = Duration.ofMinutes(5);

    private final List<WeldApp> apps = new ArrayList<>();
    private long began;

    @BeforeAll
    static void freshSummary() throws IOException {
        Files.deleteIfExists(workDir().resolve("BRIDGE.txt"));
    }

    @AfterEach
    void stopApps(TestInfo test) throws InterruptedException {
        for (WeldApp app : apps) {
            app.close();
        }
        System.out.printf("BRIDGE weld timing: %s took %.1f s%n", test.getDisplayName(),
                (System.nanoTime() - began) / 1e9);
    }

    /** 1. 100,000 signals from A reach B's two instances (one group, two partitions): each at least once. */
    @Test
    @Order(1)
    void case1_everySignalReachesTheGroup() throws Exception {
        Path dir = caseDir(1);
        long n = 100_000;
        Kafka.createTopic("w1-orders", 2);
        WeldApp b1 = start(WeldApp.receiver("b1", dir, "w1-orders", "w1", Map.of()));
        WeldApp b2 = start(WeldApp.receiver("b2", dir, "w1-orders", "w1", Map.of()));
        b1.awaitReady();
        b2.awaitReady();
        Kafka.awaitGroup("w1", "w1-orders", 2);

        long sendStart = System.nanoTime();
        WeldApp a = start(WeldApp.sender("a", dir, "w1-orders", 0, n));
        awaitProgress("distinct ids delivered", () -> Ids.count(n, b1.ids(), b2.ids()).distinct(), n);
        double seconds = (System.nanoTime() - sendStart) / 1e9;
        String sender = a.awaitSent(MAX);

        Ids ids = Ids.count(n, b1.ids(), b2.ids());
        long atB1 = Ids.count(n, b1.ids()).lines();
        long atB2 = Ids.count(n, b2.ids()).lines();
        report(1, ids, String.format("b1=%d b2=%d, A: %s; %.0f signals/s end to end including A's boot", atB1, atB2,
                sender, n / seconds));
        assertThat(sender).contains("sent=" + n).contains("errors=0");
        assertThat(ids.lost()).isZero();
        assertThat(ids.strays()).isZero();
        assertThat(atB1).as("deliveries at b1").isPositive();
        assertThat(atB2).as("deliveries at b2").isPositive();
        assertThat(Files.exists(b1.failures()) || Files.exists(b2.failures())).as("SignalFailures in B").isFalse();
    }

    /**
     * 3. Three unreadable messages written straight to the Kafka topic: each a SignalFailure in B, each in the
     * dead-letter topic (the connector's default, {@code dead-letter-topic-orders-in}), B goes on with the good ones
     * sent after them, and the class one of them names is never initialized.
     */
    @Test
    @Order(3)
    void case3_unreadableMessagesAreDeadLettered() throws Exception {
        Path dir = caseDir(3);
        long n = 2_000;
        String dlqTopic = "dead-letter-topic-orders-in";
        Kafka.createTopic("w3-orders", 1);
        WeldApp b = start(WeldApp.receiver("b", dir, "w3-orders", "w3", Map.of()));
        b.awaitReady();
        Kafka.awaitGroup("w3", "w3-orders", 1);

        List<String> bad = List.of(
                "this is not JSON {",
                "[1, 2, 3]",
                "{\"@class\":\"dev.signalbus.it.weld.Trap\",\"id\":1}");
        List<String> records = new ArrayList<>();
        records.add(json(0));
        records.addAll(bad);
        LongStream.range(1, n).forEach(id -> records.add(json(id)));
        Kafka.produce("w3-orders", records);

        awaitProgress("distinct good ids delivered", () -> Ids.count(n, b.ids()).distinct(), n);
        List<String> failures = new ArrayList<>();
        await("three SignalFailures in B").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    failures.clear();
                    if (Files.exists(b.failures())) {
                        failures.addAll(Files.readAllLines(b.failures()));
                    }
                    return failures.size() >= 3;
                });
        List<String> dlq = new ArrayList<>();
        await("three records in " + dlqTopic).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    dlq.clear();
                    dlq.addAll(Kafka.readAll(dlqTopic));
                    return dlq.size() >= 3;
                });

        Ids ids = Ids.count(n, b.ids());
        boolean trapInitialized = Files.exists(b.trap());
        report(3, ids, String.format("failures=%d dlq=%d trapInitialized=%s", failures.size(), dlq.size(),
                trapInitialized));
        System.out.println("BRIDGE weld case 3 failures seen by B (target, signal, error):\n"
                + String.join("\n", failures).indent(4));
        assertThat(ids.lost()).isZero();
        assertThat(ids.strays()).isZero();
        assertThat(failures).hasSize(3);
        assertThat(dlq).containsExactlyInAnyOrderElementsOf(bad);
        for (String payload : bad) {
            assertThat(failures).as("a SignalFailure for %s", payload)
                    .anyMatch(line -> line.startsWith("incoming channel 'orders-in'\t" + payload + "\t"));
        }
        assertThat(trapInitialized).as("Trap's static initializer ran (%s)", b.trap()).isFalse();
        assertThat(b.tail(10_000)).doesNotContain("TRAP:");
    }

    // --- helpers ---

    static Path workDir() {
        return Path.of(System.getProperty("bridge.work-dir", "target/bridge-runs"));
    }

    private Path caseDir(int n) throws IOException {
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

    private WeldApp start(WeldApp app) {
        apps.add(app);
        return app;
    }

    private static String json(long id) {
        return "{\"id\":" + id + ",\"payload\":\"good\"}";
    }

    /** Waits until {@code value} reaches {@code target}; fails at once if it stays put for {@link #STALL}. */
    private static void awaitProgress(String what, Callable<Long> value, long target) {
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

    private void report(int caseNumber, Ids ids, String details) throws IOException {
        String line = ids.line(caseNumber) + " (" + details + String.format(", %.1f s)",
                (System.nanoTime() - began) / 1e9);
        System.out.println(line);
        Files.writeString(workDir().resolve("BRIDGE.txt"), line + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
