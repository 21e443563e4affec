package dev.signalbus.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cost of idle subscribers: live threads and retained heap per registered subscriber. For each
 * peer: measure (after full GCs) with the peer open with no subscriber, then with {@code n}
 * subscribers that have received nothing; the difference divided by {@code n}. The raw queue and the
 * Disruptor are left out: they hold one thread per subscriber by construction. Weld async observers
 * are left out: an observer is a method of a class, 10,000 of them would need generated classes.
 * <p>
 * Usage: {@code IdleCostRun --out idle.tsv [--subscribers 10000] [--peers a,b]}.
 */
public final class IdleCostRun {

    /**
     * The engine on the pool the CDI front door creates in Weld SE: one thread per unit of subscriber
     * concurrency, created on demand. 10,000 CDI subscriber methods would need 10,000 generated
     * methods; the engine with that pool is what they would cost beyond their beans.
     */
    static final String ENGINE_ON_FRONT_DOOR_POOL = Peers.SIGNAL_BUS_ENGINE + "/front-door-pool";

    static final List<String> PEERS = List.of(Peers.SIGNAL_BUS_ENGINE, ENGINE_ON_FRONT_DOOR_POOL, Peers.VERTX,
            Peers.GUAVA);

    /** One peer's figures. */
    record Result(String peer, int subscribers, long threads, long heapBytes) {

        static final String HEADER = "peer\tsubscribers\tthreads\theap bytes\tthreads/subscriber\tbytes/subscriber";

        double threadsPerSubscriber() {
            return (double) threads / subscribers;
        }

        double bytesPerSubscriber() {
            return (double) heapBytes / subscribers;
        }

        String line() {
            return String.format(Locale.ROOT, "%s\t%d\t%d\t%d\t%.4f\t%.0f", peer, subscribers, threads, heapBytes,
                    threadsPerSubscriber(), bytesPerSubscriber());
        }

        static Result parse(String line) {
            String[] f = line.split("\t");
            return new Result(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
        }
    }

    private IdleCostRun() {
    }

    public static void main(String[] args) throws IOException {
        Args a = new Args(args);
        int subscribers = a.integer("--subscribers", 10_000);
        List<String> peers = a.list("--peers", PEERS);
        try (PrintStream file = new PrintStream(Files.newOutputStream(Path.of(a.text("--out", "idle.tsv"))), true,
                StandardCharsets.UTF_8)) {
            file.println(Result.HEADER);
            for (String peer : peers) {
                Result result;
                try {
                    result = measure(peer, subscribers);
                } catch (RuntimeException e) {
                    // one broken peer must not cost the figures of the others; the report shows it missing
                    System.err.println("FAILED " + peer + ": " + e);
                    e.printStackTrace();
                    continue;
                }
                System.out.println(result.line());
                file.println(result.line());
            }
        }
    }

    /**
     * Uses 4 worker threads where the peer takes a number (none of them should start while idle), or
     * one per subscriber for {@link #ENGINE_ON_FRONT_DOOR_POOL}.
     */
    static Result measure(String name, int subscribers) {
        Delivery ignore = (subscriber, payload) -> {
        };
        boolean frontDoorPool = name.equals(ENGINE_ON_FRONT_DOOR_POOL);
        String peer = frontDoorPool ? Peers.SIGNAL_BUS_ENGINE : name;
        int threads = frontDoorPool ? subscribers : 4;
        try (Peer empty = Peers.open(peer, 0, threads, ignore)) {
            Snapshot before = Snapshot.take();
            try (Peer full = Peers.open(peer, subscribers, threads, ignore)) {
                Snapshot after = Snapshot.take();
                Reference.reachabilityFence(full);
                return new Result(name, subscribers, after.threads - before.threads, after.heap - before.heap);
            } finally {
                Reference.reachabilityFence(empty);
            }
        }
    }

    static List<Result> read(Path file) throws IOException {
        List<Result> results = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("peer\t")) {
                results.add(Result.parse(line));
            }
        }
        return results;
    }

    private record Snapshot(long threads, long heap) {

        static Snapshot take() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long used = Long.MAX_VALUE;
            // several full GCs until the figure settles: finalizers, reference processing, JIT threads
            for (int i = 0; i < 5; i++) {
                System.gc();
                used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
            }
            return new Snapshot(threads.getThreadCount(), used);
        }
    }
}
