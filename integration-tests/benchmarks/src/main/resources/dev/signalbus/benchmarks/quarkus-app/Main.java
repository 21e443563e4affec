package bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.HdrHistogram.Histogram;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The benchmark, run in command mode: {@code java -jar quarkus-run.jar --mode throughput|latency ...}; appends its
 * figures to {@code --out} as TSV (written by {@code QuarkusBenchApp} of the benchmarks module, which also reads
 * them) and exits.
 * <ul>
 * <li>{@code --mode throughput --peer p --subscribers n --warmup-rounds 2 --rounds 5 --round-seconds 1}: batches of
 * 1,000 signals, each published in full and then awaited until every subscriber has counted every signal (as JMH's
 * {@code FanOutBenchmark}); one line per measured round: {@code peer subscribers round seconds published
 * published/s}.</li>
 * <li>{@code --mode latency --peers a,b --subscribers n --rate r --warmup s --seconds s}: the paced run of the
 * benchmarks module's {@code LatencyRun}, each peer in turn; one line per peer in {@code LatencyRun}'s format.</li>
 * </ul>
 * {@code --touch-request-scoped true} makes every subscriber call the application's {@link RequestData}.
 */
@QuarkusMain
public class Main implements QuarkusApplication {

    static final int BATCH = 1_000;
    static final long MAX_BACKLOG = 100_000;
    static final long MAX_DRAIN_NANOS = 100_000_000;
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    static final String SIGNAL_BUS = "signal-bus";
    static final String CONSUME_EVENT_BLOCKING = "consume-event-blocking";
    static final String CONSUME_EVENT = "consume-event";
    static final String ARC_ASYNC = "arc-async";
    static final List<String> PEERS = List.of(SIGNAL_BUS, CONSUME_EVENT_BLOCKING, CONSUME_EVENT, ARC_ASYNC);

    @Inject
    Publishers publishers;

    @Override
    public int run(String... args) throws Exception {
        Map<String, String> options = options(args);
        int subscribers = Integer.parseInt(options.getOrDefault("--subscribers", "1"));
        if (subscribers != 1 && subscribers != 4) {
            throw new IllegalArgumentException("--subscribers must be 1 or 4");
        }
        Harness.touchRequestScoped = Boolean.parseBoolean(options.getOrDefault("--touch-request-scoped", "false"));
        Path out = Path.of(required(options, "--out"));
        String mode = required(options, "--mode");
        System.err.println("pools: " + pools() + "; request-scoped bean touched: " + Harness.touchRequestScoped);
        switch (mode) {
            case "throughput" -> throughput(options, subscribers, out);
            case "latency" -> latency(options, subscribers, out);
            default -> throw new IllegalArgumentException("--mode throughput or latency, not " + mode);
        }
        System.err.println("delivering threads: " + new TreeSet<>(Harness.THREADS));
        return 0;
    }

    private void throughput(Map<String, String> options, int subscribers, Path out) throws IOException {
        String peer = peer(required(options, "--peer"));
        int warmupRounds = Integer.parseInt(options.getOrDefault("--warmup-rounds", "2"));
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "5"));
        long roundNanos = (long) (Double.parseDouble(options.getOrDefault("--round-seconds", "1")) * 1e9);
        Consumer<Payload> publish = publisher(peer, subscribers);
        Deliveries deliveries = new Deliveries(subscribers, false);
        Harness.deliveries = deliveries;
        Payload[] payloads = new Payload[BATCH];
        for (int i = 0; i < BATCH; i++) {
            payloads[i] = new Payload(i, 0);
        }
        List<String> lines = new ArrayList<>();
        for (int round = -warmupRounds; round < rounds; round++) {
            long start = System.nanoTime();
            long published = 0;
            long took;
            do {
                deliveries.expect(BATCH);
                for (Payload payload : payloads) {
                    publish.accept(payload);
                }
                deliveries.await(TIMEOUT);
                Harness.recordThreads = false;
                published += BATCH;
                took = System.nanoTime() - start;
            } while (took < roundNanos);
            String line = String.format(Locale.ROOT, "%s\t%d\t%d\t%.3f\t%d\t%.0f", peer, subscribers, round,
                    took / 1e9, published, published * 1e9 / took);
            System.err.println((round < 0 ? "warm-up " : "") + line);
            if (round >= 0) {
                lines.add(line);
            }
        }
        append(out, "peer\tsubscribers\tround\tseconds\tpublished\tpublished/s", lines);
    }

    private void latency(Map<String, String> options, int subscribers, Path out) throws IOException {
        List<String> peers = Arrays.asList(options.getOrDefault("--peers", String.join(",", PEERS)).split(","));
        double rate = Double.parseDouble(required(options, "--rate"));
        Duration warmup = Duration.ofMillis((long) (Double.parseDouble(options.getOrDefault("--warmup", "2")) * 1000));
        Duration measure = Duration.ofMillis((long) (Double.parseDouble(options.getOrDefault("--seconds", "5")) * 1000));
        List<String> lines = new ArrayList<>();
        for (String name : peers) {
            String peer = peer(name);
            Consumer<Payload> publish = publisher(peer, subscribers);
            Deliveries deliveries = new Deliveries(subscribers, true);
            Harness.deliveries = deliveries;
            Harness.recordThreads = true;
            Paced warm = paced(publish, deliveries, 0, rate, count(rate, warmup), true);
            deliveries.resetLatencies();
            long[] gcBefore = gc();
            Paced run = paced(publish, deliveries, warm.published, rate, count(rate, measure), false);
            long[] gcAfter = gc();
            Histogram h = deliveries.latencies();
            boolean keptUp = !run.aborted && run.rate >= 0.95 * rate
                    && run.drainNanos <= Math.max(MAX_DRAIN_NANOS, measure.toNanos() / 10);
            // LatencyRun.Result#line of the benchmarks module
            String line = String.format(Locale.ROOT, "%s\t%d\t%.0f\t%.0f\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%s\t%d\t%d",
                    peer, subscribers, rate, run.rate, run.published - warm.published, h.getTotalCount(),
                    micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(99)),
                    micros(h.getValueAtPercentile(99.9)), micros(h.getMaxValue()), keptUp, gcAfter[0] - gcBefore[0],
                    gcAfter[1] - gcBefore[1]);
            System.err.println(line);
            lines.add(line);
        }
        append(out, "peer\tsubscribers\toffered/s\tachieved/s\tpublished\tsamples\tp50 us\tp99 us\tp99.9 us\tmax us"
                + "\tkept up\tgc pauses\tgc pause ms", lines);
    }

    private record Paced(long published, double rate, boolean aborted, long drainNanos) {
    }

    /** As the benchmarks module's {@code LatencyRun#run}. */
    private static Paced paced(Consumer<Payload> publish, Deliveries deliveries, long before, double rate, long count,
            boolean warmup) {
        double interval = 1e9 / rate;
        long start = System.nanoTime();
        long i = 0;
        boolean aborted = false;
        for (; i < count; i++) {
            long due = start + (long) (i * interval);
            long now = System.nanoTime();
            if (now < due) {
                LockSupport.parkNanos(due - now);
            }
            if ((i & 255) == 0 && before + i - deliveries.slowest() > MAX_BACKLOG) {
                aborted = true;
                break;
            }
            if (warmup && i == BATCH) {
                Harness.recordThreads = false;
            }
            publish.accept(new Payload(warmup ? -1 - i : i, System.nanoTime()));
        }
        long took = System.nanoTime() - start;
        deliveries.awaitAtLeast(before + i, TIMEOUT);
        long drain = System.nanoTime() - start - took;
        return new Paced(before + i, i * 1e9 / Math.max(took, 1), aborted, drain);
    }

    private Consumer<Payload> publisher(String peer, int subscribers) {
        Publishers p = publishers;
        boolean one = subscribers == 1;
        return switch (peer) {
            case SIGNAL_BUS -> one ? p::signalBusOne : p::signalBusFour;
            case CONSUME_EVENT_BLOCKING -> {
                String address = one ? "blocking-one" : "blocking-four";
                yield payload -> p.eventBus(address, payload);
            }
            case CONSUME_EVENT -> {
                String address = one ? "loop-one" : "loop-four";
                yield payload -> p.eventBus(address, payload);
            }
            default -> payload -> p.arcAsync(subscribers, payload);
        };
    }

    private static String peer(String name) {
        if (!PEERS.contains(name)) {
            throw new IllegalArgumentException("Unknown peer '" + name + "'; known: " + PEERS);
        }
        return name;
    }

    private static long count(double rate, Duration duration) {
        return Math.max(1, (long) (rate * duration.toNanos() / 1e9));
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }

    /** Collections and their time (ms) of the stop-the-world collectors, as the benchmarks module's {@code GcPauses}. */
    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!bean.getName().endsWith("Cycles")) {
                count += Math.max(0, bean.getCollectionCount());
                millis += Math.max(0, bean.getCollectionTime());
            }
        }
        return new long[] { count, millis };
    }

    private static String pools() {
        StringBuilder text = new StringBuilder();
        for (String key : List.of("quarkus.thread-pool.core-threads", "quarkus.thread-pool.max-threads",
                "quarkus.vertx.event-loops-pool-size")) {
            text.append(text.length() == 0 ? "" : ", ").append(key).append('=')
                    .append(ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse("(default)"));
        }
        return text.toString();
    }

    private static void append(Path out, String header, List<String> lines) throws IOException {
        boolean exists = Files.exists(out);
        OpenOption[] how = exists ? new OpenOption[] { StandardOpenOption.APPEND } : new OpenOption[0];
        try (PrintStream file = new PrintStream(Files.newOutputStream(out, how), true, StandardCharsets.UTF_8)) {
            if (!exists) {
                file.println(header);
            }
            lines.forEach(file::println);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + Arrays.toString(args));
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing option " + name);
        }
        return value;
    }
}
