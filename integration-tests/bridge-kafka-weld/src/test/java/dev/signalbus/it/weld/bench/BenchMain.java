package dev.signalbus.it.weld.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import com.sun.management.OperatingSystemMXBean;

/**
 * Issue 13's benchmark, one mode per JVM: signals/s from a publisher through Kafka back to a counting consumer, in
 * one Weld SE container (the application's jar for bean discovery, plus the mode's bean), against the broker at
 * {@code -Dkafka.bootstrap.servers}.
 * <ul>
 * <li>{@code -Dbench.mode=bridge}: {@link BridgeBench}, a {@code @Publishes} topic bridged out to a Kafka topic and
 * back in to a {@code @Subscribes} method;</li>
 * <li>{@code -Dbench.mode=plain}: {@link PlainBench}, an {@code Emitter<String>} to the same kind of Kafka topic
 * and an {@code @Incoming} method.</li>
 * </ul>
 * Each mode gets a fresh Kafka topic of {@code bench.partitions} (2) partitions and its own consumer group, the same
 * String serializers and connector defaults. {@code bench.warmup-rounds} (3) warm-up rounds of {@code bench.n}
 * (200,000) signals (one was not enough: the rates still climbed round after round, in both modes), then
 * {@code bench.rounds} (5) measured rounds of as many, each timed from the first send to the last arrival, printed
 * as {@code BENCH mode=… round=… n=… seconds=… cpu-us-per-signal=… rate=…} (signals/s; the CPU time of this JVM
 * per signal, the broker's not included).
 */
public final class BenchMain {

    /** This JVM's CPU time (all threads): what a signal costs here, less disturbed by other processes than rates. */
    private static final OperatingSystemMXBean CPU = (OperatingSystemMXBean) ManagementFactory
            .getOperatingSystemMXBean();

    private BenchMain() {
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1); // the broker's client threads would keep the JVM alive
        }
        System.exit(0); // Kafka's and Vert.x's threads are gone with the container; nothing else to wait for
    }

    private static void run() throws Exception {
        String mode = System.getProperty("bench.mode", "bridge");
        long n = Long.getLong("bench.n", 200_000);
        int warmups = Integer.getInteger("bench.warmup-rounds", 3);
        int rounds = Integer.getInteger("bench.rounds", 5);
        int partitions = Integer.getInteger("bench.partitions", 2);
        long timeoutSeconds = Long.getLong("bench.round-timeout-seconds", 600);
        String bootstrap = System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092");
        String kafkaTopic = System.getProperty("bench.topic", "bench-" + mode + "-" + UUID.randomUUID());

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(kafkaTopic, partitions, (short) 1))).all().get();
        }
        Class<? extends Bench> beanClass = switch (mode) {
            case "bridge" -> BridgeBench.class;
            case "plain" -> PlainBench.class;
            default -> throw new IllegalArgumentException("bench.mode=bridge|plain, not " + mode);
        };
        configure(mode, kafkaTopic, bootstrap).forEach(System::setProperty);

        WeldContainer container = new Weld().addBeanClass(beanClass).initialize();
        try {
            Bench bench = container.select(beanClass).get();
            long next = 0;
            for (int w = 1; w <= warmups; w++) {
                next = round(bench, "warmup-" + w, next, n, timeoutSeconds);
            }
            for (int r = 1; r <= rounds; r++) {
                next = round(bench, String.valueOf(r), next, n, timeoutSeconds);
            }
        } finally {
            container.close();
        }
    }

    private static long round(Bench bench, String round, long from, long n, long timeoutSeconds) throws Exception {
        CompletableFuture<Void> done = bench.expect(n);
        long cpuBefore = CPU.getProcessCpuTime();
        long began = System.nanoTime();
        for (long id = from; id < from + n; id++) {
            bench.send(id);
        }
        long sent = System.nanoTime();
        try {
            done.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("BENCH " + bench.mode() + " round " + round + ": " + bench.received()
                    + " received of " + (from + n) + " within " + timeoutSeconds + " s");
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        double cpuMicrosPerSignal = (CPU.getProcessCpuTime() - cpuBefore) / 1e3 / n;
        System.out.printf(Locale.ROOT,
                "BENCH mode=%s round=%s n=%d seconds=%.3f sent-in=%.3f cpu-us-per-signal=%.2f rate=%.0f%n",
                bench.mode(), round, n, seconds, (sent - began) / 1e9, cpuMicrosPerSignal, n / seconds);
        return from + n;
    }

    /** The mode's channels, both on {@code kafkaTopic}: as system properties, read by MicroProfile Config. */
    static Map<String, String> configure(String mode, String kafkaTopic, String bootstrap) {
        String out = mode + "-out";
        String in = mode + "-in";
        Map<String, String> config = new TreeMap<>();
        config.put("kafka.bootstrap.servers", bootstrap);
        if (mode.equals("bridge")) {
            config.put("signal-bus.topics.\"bench\".outgoing", out);
            config.put("signal-bus.topics.\"bench\".incoming", in);
        }
        config.put("mp.messaging.outgoing." + out + ".connector", "smallrye-kafka");
        config.put("mp.messaging.outgoing." + out + ".topic", kafkaTopic);
        config.put("mp.messaging.outgoing." + out + ".value.serializer",
                "org.apache.kafka.common.serialization.StringSerializer");
        config.put("mp.messaging.incoming." + in + ".connector", "smallrye-kafka");
        config.put("mp.messaging.incoming." + in + ".topic", kafkaTopic);
        config.put("mp.messaging.incoming." + in + ".value.deserializer",
                "org.apache.kafka.common.serialization.StringDeserializer");
        config.put("mp.messaging.incoming." + in + ".group.id", "bench-" + mode + "-" + UUID.randomUUID());
        config.put("mp.messaging.incoming." + in + ".auto.offset.reset", "earliest");
        return config;
    }
}
