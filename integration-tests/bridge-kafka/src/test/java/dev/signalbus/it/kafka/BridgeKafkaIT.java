package dev.signalbus.it.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The six cases of the bridge (DESIGN.md "Bridge to a broker"), each against the real broker that the build
 * started, with the application launched as production jars: A (profile {@code sender}) publishes numbered
 * {@link dev.signalbus.it.kafka.Order}s to topic {@code orders}, bridged out to a Kafka topic; B (profile
 * {@code receiver}, one or two instances in one consumer group) bridges that Kafka topic in to its topic
 * {@code orders}, whose subscriber appends each delivered id to the instance's file. Counted from the files: each
 * case prints {@code BRIDGE case N: delivered=… duplicates=… lost=…} and requires {@code lost=0}.
 * <p>
 * Every case has its own Kafka topics and consumer group, and its own directory under {@code target/bridge-runs}
 * with each JVM's log and ids file (see {@link BridgeCases}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BridgeKafkaIT extends BridgeCases<App> {

    BridgeKafkaIT() {
        super("");
    }

    /** 1. 100,000 signals from A reach B's two instances (one group, two partitions): each at least once. */
    @Test
    @Order(1)
    void case1_everySignalReachesTheGroup() throws Exception {
        Path dir = caseDir(1);
        long n = 100_000;
        Kafka.createTopic("c1-orders", 2);
        App b1 = start(App.receiver("b1", dir, "c1-orders", "c1", Map.of()));
        App b2 = start(App.receiver("b2", dir, "c1-orders", "c1", Map.of()));
        App a = start(App.sender("a", dir, "c1-orders", Map.of()));
        ready(b1, b2, a);
        Kafka.awaitGroup("c1", "c1-orders", 2);

        long sendStart = System.nanoTime();
        a.post("/sender/send?count=" + n + "&from=0");
        awaitProgress("distinct ids delivered", () -> Ids.count(n, b1.ids(), b2.ids()).distinct(), n);
        double seconds = (System.nanoTime() - sendStart) / 1e9;
        Map<String, String> sender = awaitSenderDone(a);

        Ids ids = Ids.count(n, b1.ids(), b2.ids());
        long atB1 = Ids.count(n, b1.ids()).lines();
        long atB2 = Ids.count(n, b2.ids()).lines();
        report(1, ids, String.format("b1=%d b2=%d sent=%s send-errors=%s %.0f signals/s end to end", atB1, atB2,
                sender.get("sent"), sender.get("errors"), n / seconds));
        assertThat(sender.get("errors")).as("publish failures in A: %s", sender.get("lastError")).isEqualTo("0");
        assertThat(ids.lost()).isZero();
        assertThat(ids.strays()).isZero();
        assertThat(atB1).as("deliveries at b1").isPositive();
        assertThat(atB2).as("deliveries at b2").isPositive();
    }

    /** 2. One B instance killed with SIGKILL mid-stream: the survivor gets its partitions, nothing lost. */
    @Test
    @Order(2)
    void case2_killedInstanceLosesNothing() throws Exception {
        Path dir = caseDir(2);
        long n = 50_000;
        Kafka.createTopic("c2-orders", 2);
        App b1 = start(App.receiver("b1", dir, "c2-orders", "c2", Map.of()));
        App b2 = start(App.receiver("b2", dir, "c2-orders", "c2", Map.of()));
        App a = start(App.sender("a", dir, "c2-orders", Map.of()));
        ready(b1, b2, a);
        Kafka.awaitGroup("c2", "c2-orders", 2);

        a.post("/sender/send?count=" + n + "&from=0");
        awaitProgress("ids delivered by b1 before the kill", () -> Ids.count(n, b1.ids()).lines(), n / 10);
        b1.kill();
        long atKill = Ids.count(n, b1.ids()).lines();
        awaitProgress("distinct ids delivered", () -> Ids.count(n, b1.ids(), b2.ids()).distinct(), n);
        Map<String, String> sender = awaitSenderDone(a);

        Ids ids = Ids.count(n, b1.ids(), b2.ids());
        report(2, ids, String.format("b1 killed (SIGKILL) after %d deliveries, b2=%d sent=%s send-errors=%s",
                atKill, Ids.count(n, b2.ids()).lines(), sender.get("sent"), sender.get("errors")));
        assertThat(sender.get("errors")).as("publish failures in A: %s", sender.get("lastError")).isEqualTo("0");
        assertThat(ids.lost()).isZero();
        assertThat(ids.strays()).isZero();
    }

    /**
     * 3. Three unreadable messages written straight to the Kafka topic: each a SignalFailure in B, each in the
     * dead-letter topic, B goes on with the good ones, and the class one of them names is never initialized.
     */
    @Test
    @Order(3)
    void case3_unreadableMessagesAreDeadLettered() throws Exception {
        Path dir = caseDir(3);
        long n = 2_000;
        Kafka.createTopic("c3-orders", 1);
        App b = start(App.receiver("b", dir, "c3-orders", "c3", Map.of("app.dlq-topic", "c3-dlq")));
        ready(b);
        Kafka.awaitGroup("c3", "c3-orders", 1);

        List<String> bad = List.of(
                "this is not JSON {",
                "[1, 2, 3]",
                "{\"@class\":\"dev.signalbus.it.kafka.Trap\",\"command\":\"rm -rf /\",\"id\":7,\"payload\":\"x\"}");
        List<String> records = new ArrayList<>();
        records.add(json(0));
        records.addAll(bad);
        LongStream.range(1, n).forEach(id -> records.add(json(id)));
        Kafka.produce("c3-orders", records);

        awaitProgress("distinct good ids delivered", () -> Ids.count(n, b.ids()).distinct(), n);
        await("three failures observed").atMost(Duration.ofMinutes(1)).until(() -> b.stat("failures") >= 3);
        List<String> dlq = new ArrayList<>();
        await("three records in c3-dlq").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    dlq.clear();
                    dlq.addAll(Kafka.readAll("c3-dlq"));
                    return dlq.size() >= 3;
                });
        String failures = b.get("/receiver/failures");
        Map<String, String> stats = b.values("/receiver/stats");

        Ids ids = Ids.count(n, b.ids());
        report(3, ids, String.format("failures=%s dlq=%d trapInitialized=%s trapInstantiated=%s", stats.get("failures"),
                dlq.size(), stats.get("trapInitialized"), stats.get("trapInstantiated")));
        System.out.println("BRIDGE case 3 failures seen by B:\n" + failures.indent(4));
        assertThat(ids.lost()).isZero();
        assertThat(stats.get("failures")).isEqualTo("3");
        assertThat(dlq).containsExactlyInAnyOrderElementsOf(bad);
        for (String payload : bad) {
            assertThat(failures.lines()).as("a SignalFailure for %s", payload)
                    .anyMatch(line -> line.contains("incoming channel 'orders-in'") && line.contains(payload));
        }
        assertThat(stats.get("trapInitialized")).as("Trap's static initializer ran").isEqualTo("false");
        assertThat(stats.get("trapInstantiated")).isEqualTo("false");
    }

    /**
     * 4. One B instance stopped with SIGTERM mid-stream: it delivers and acknowledges what it took and sends the
     * receipts its subscriber published meanwhile, then exits; the other instance takes the rest.
     */
    @Test
    @Order(4)
    void case4_shutdownDrains() throws Exception {
        Path dir = caseDir(4);
        long n = 50_000;
        Kafka.createTopic("c4-orders", 2);
        Kafka.createTopic("c4-receipts", 1);
        Map<String, String> receipts = Map.of("app.receipts", "true", "app.receipts-topic", "c4-receipts");
        App b1 = start(App.receiver("b1", dir, "c4-orders", "c4", receipts));
        App b2 = start(App.receiver("b2", dir, "c4-orders", "c4", receipts));
        App a = start(App.sender("a", dir, "c4-orders", Map.of()));
        ready(b1, b2, a);
        Kafka.awaitGroup("c4", "c4-orders", 2);

        a.post("/sender/send?count=" + n + "&from=0");
        awaitProgress("ids delivered by b1 before SIGTERM", () -> Ids.count(n, b1.ids()).lines(), n / 10);
        long stopBegan = System.nanoTime();
        int exit = b1.terminate(Duration.ofMinutes(2));
        double stopSeconds = (System.nanoTime() - stopBegan) / 1e9;
        awaitProgress("distinct ids delivered", () -> Ids.count(n, b1.ids(), b2.ids()).distinct(), n);
        Map<String, String> sender = awaitSenderDone(a);

        Set<Long> atB1 = Ids.read(b1.ids());
        Pattern receipt = Pattern.compile("\"id\"\\s*:\\s*(\\d+).*\"instance\"\\s*:\\s*\"b1\"");
        Set<Long> receiptsOfB1 = new HashSet<>();
        AtomicLong receiptRecords = new AtomicLong();
        try {
            await("a receipt from b1 for every id b1 delivered").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofSeconds(2)).until(() -> {
                        List<String> all = Kafka.readAll("c4-receipts");
                        receiptRecords.set(all.size());
                        for (String value : all) {
                            Matcher m = receipt.matcher(value);
                            if (m.find()) {
                                receiptsOfB1.add(Long.parseLong(m.group(1)));
                            }
                        }
                        return receiptsOfB1.containsAll(atB1);
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported below
        }
        Set<Long> missing = new HashSet<>(atB1);
        missing.removeAll(receiptsOfB1);

        Ids ids = Ids.count(n, b1.ids(), b2.ids());
        report(4, ids, String.format(
                "b1 stopped (SIGTERM) after %d deliveries, exit code %d in %.1f s; b2=%d; receipts in Kafka=%d, "
                        + "b1's ids without a receipt=%d; sent=%s send-errors=%s",
                atB1.size(), exit, stopSeconds, Ids.count(n, b2.ids()).lines(), receiptRecords.get(), missing.size(),
                sender.get("sent"), sender.get("errors")));
        assertThat(ids.lost()).isZero();
        assertThat(ids.strays()).isZero();
        assertThat(missing).as("ids that b1 delivered without a receipt in c4-receipts").isEmpty();
        assertThat(b1.tail(400)).as("b1's log after SIGTERM").doesNotContain("did not drain")
                .doesNotContain("refused signals while it drained");
    }

    /**
     * 5. A slow subscriber in B (2 ms a signal, queues of 100): the backlog waits in Kafka (the group's lag) while
     * B's queue stays within its capacity and its heap stays small.
     */
    @Test
    @Order(5)
    void case5_backlogWaitsInKafka() throws Exception {
        Path dir = caseDir(5);
        long n = 20_000;
        int capacity = 100;
        Kafka.createTopic("c5-orders", 1);
        App b = start(App.receiver("b", dir, "c5-orders", "c5",
                Map.of("app.slow-millis", "2", "quarkus.signal-bus.queue-capacity", String.valueOf(capacity))));
        App a = start(App.sender("a", dir, "c5-orders", Map.of()));
        ready(b, a);
        Kafka.awaitGroup("c5", "c5-orders", 1);

        a.post("/sender/send?count=" + n + "&from=0");
        AtomicLong maxLag = new AtomicLong();
        AtomicLong depthAtMaxLag = new AtomicLong();
        AtomicLong maxHeapUsed = new AtomicLong();
        AtomicLong maxHeapAfterGc = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        Callable<Long> sample = () -> {
            Map<String, String> stats = b.values("/receiver/stats");
            long lag = Kafka.lag("c5-orders", "c5");
            long depth = Long.parseLong(stats.get("depth"));
            if (lag > maxLag.get()) {
                maxLag.set(lag);
                depthAtMaxLag.set(depth);
            }
            maxHeapUsed.accumulateAndGet(Long.parseLong(stats.get("heapUsed")), Math::max);
            maxHeapAfterGc.accumulateAndGet(Long.parseLong(stats.get("heapAfterGc")), Math::max);
            samples.incrementAndGet();
            return Long.parseLong(stats.get("delivered"));
        };
        await("a backlog of more than 5000 in Kafka").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    sample.call();
                    return maxLag.get() > 5_000;
                });
        awaitProgress("ids delivered by the slow subscriber", sample, n);
        Map<String, String> stats = b.values("/receiver/stats");

        Ids ids = Ids.count(n, b.ids());
        report(5, ids, String.format(
                "max lag in Kafka=%d (B's queue depth then %d), max queue depth=%s of capacity %d, "
                        + "max heap used=%d MB, max heap after GC=%d MB (%d samples)",
                maxLag.get(), depthAtMaxLag.get(), stats.get("maxDepth"), capacity, maxHeapUsed.get() >> 20,
                maxHeapAfterGc.get() >> 20, samples.get()));
        assertThat(ids.lost()).isZero();
        assertThat(maxLag.get()).as("the backlog waited in Kafka").isGreaterThan(5_000);
        assertThat(Long.parseLong(stats.get("maxDepth"))).as("B's slow subscriber queue depth, at most")
                .isLessThanOrEqualTo(capacity);
        assertThat(maxHeapAfterGc.get()).as("B's heap after GC").isLessThan(128L << 20);
    }

    /** 6. One trace from A's publisher method to B's subscriber method. */
    @Test
    @Order(6)
    void case6_oneTraceAcrossTheBroker() throws Exception {
        Path dir = caseDir(6);
        Kafka.createTopic("c6-orders", 1);
        App b = start(App.receiver("b", dir, "c6-orders", "c6", Map.of()));
        App a = start(App.sender("a", dir, "c6-orders", Map.of()));
        ready(b, a);
        Kafka.awaitGroup("c6", "c6-orders", 1);

        String atA = a.post("/sender/send-traced?id=0").trim();
        String[] atB = new String[1];
        await("the traced order at B").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptions().until(() -> {
                    atB[0] = b.get("/receiver/trace?id=0").trim();
                    return true;
                });

        Ids ids = Ids.count(1, b.ids());
        report(6, ids, "trace id at A's publisher=" + atA + " at B's subscriber=" + atB[0]);
        assertThat(ids.lost()).isZero();
        assertThat(atA).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(atB[0]).isEqualTo(atA);
    }

    // --- helpers (the rest in BridgeCases) ---

    private static void ready(App... apps) {
        for (App app : apps) {
            app.awaitReady();
        }
    }

    private static Map<String, String> awaitSenderDone(App a) {
        await("A's run finished").atMost(MAX).pollInterval(Duration.ofMillis(500))
                .until(() -> "false".equals(a.values("/sender/status").get("running")));
        return a.values("/sender/status");
    }
}
