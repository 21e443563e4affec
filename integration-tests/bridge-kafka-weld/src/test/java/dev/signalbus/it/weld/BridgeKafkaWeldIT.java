package dev.signalbus.it.weld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.signalbus.it.kafka.BridgeCases;
import dev.signalbus.it.kafka.Ids;
import dev.signalbus.it.kafka.Kafka;

/**
 * Cases 1 and 3 of the bridge (issue 13) with the portable extension on Weld SE, against the real broker that the
 * build started: A ({@code -Dapp.role=sender}) publishes numbered {@link dev.signalbus.it.weld.Order}s to topic
 * {@code orders}, bridged out to a Kafka topic; B ({@code -Dapp.role=receiver}, one or two instances in one consumer
 * group) bridges that Kafka topic in to its topic {@code orders}, whose subscriber appends each delivered id to the
 * instance's file. Counted from the files: each case prints {@code BRIDGE weld case N: delivered=… duplicates=…
 * lost=…} and requires {@code lost=0}. Each case has its own Kafka topic, consumer group and directory under
 * {@code target/bridge-runs} with each JVM's log and files. Kafka, Ids and BridgeCases come with bridge-kafka's
 * test-jar.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BridgeKafkaWeldIT extends BridgeCases<WeldApp> {

    BridgeKafkaWeldIT() {
        super("weld ");
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
}
