package dev.signalbus.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fan-out throughput: one publisher thread publishes a batch of {@value #BATCH} signals to a topic
 * with {@code subscribers} subscribers and waits until every subscriber has received every signal.
 * The score is <em>published</em> signals per second; delivered signals per second is the score
 * times {@code subscribers}. Every peer gets {@code subscribers} worker threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class FanOutBenchmark {

    static final int BATCH = 1_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Param({ Peers.SIGNAL_BUS, Peers.SIGNAL_BUS_ENGINE, Peers.WELD_ASYNC, Peers.VERTX, Peers.GUAVA, Peers.RAW_QUEUE,
            Peers.DISRUPTOR })
    public String peer;

    @Param({ "1", "4" })
    public int subscribers;

    private Peer bus;
    private Deliveries deliveries;
    private Payload[] payloads;

    @Setup(Level.Trial)
    public void open() {
        deliveries = new Deliveries(subscribers);
        bus = Peers.open(peer, subscribers, subscribers, deliveries);
        payloads = new Payload[BATCH];
        for (int i = 0; i < BATCH; i++) {
            payloads[i] = new Payload(i, 0);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        bus.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void fanOut() {
        deliveries.expect(BATCH);
        for (Payload payload : payloads) {
            bus.publish(payload);
        }
        deliveries.await(TIMEOUT);
    }
}
