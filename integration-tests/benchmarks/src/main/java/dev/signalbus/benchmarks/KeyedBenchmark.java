package dev.signalbus.benchmarks;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
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

import dev.signalbus.engine.SignalBusEngine;
import dev.signalbus.engine.SubscriberSpec;

/**
 * The cost of per-key order: one subscriber of {@code concurrency = 8} on the engine, fed batches of
 * {@value #BATCH} signals over {@value #KEYS} keys, with {@code @Subscribes(key = ...)} ({@code keyed})
 * and without. The score is delivered signals per second; run with {@code -prof gc} for the bytes
 * allocated per delivery.
 *
 * <pre>{@code
 * java -jar target/benchmarks.jar KeyedBenchmark -f 3 -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class KeyedBenchmark {

    static final int BATCH = 10_000;
    static final int KEYS = 1_000;
    static final int CONCURRENCY = 8;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** A signal with its key, as an application's event carries its customer's id. */
    public record Order(Long customer, long sequence) {
    }

    @Param({ "false", "true" })
    public boolean keyed;

    private ExecutorService pool;
    private SignalBusEngine engine;
    private Deliveries deliveries;
    private Order[] orders;
    private Payload payload;

    @Setup(Level.Trial)
    public void open() {
        deliveries = new Deliveries(1);
        payload = new Payload(0, 0);
        pool = Pools.fixed("keyed", CONCURRENCY);
        SubscriberSpec spec = keyed
                ? SubscriberSpec.keyed("orders", "Orders#on", Order.class, CONCURRENCY, s -> ((Order) s).customer(),
                        s -> {
                            deliveries.delivered(0, payload);
                            return null;
                        })
                : SubscriberSpec.of("orders", "Orders#on", Order.class, CONCURRENCY, s -> {
                    deliveries.delivered(0, payload);
                    return null;
                });
        engine = SignalBusEngine.builder().executor(pool).subscriber(spec).build();
        engine.start();
        orders = new Order[BATCH];
        for (int i = 0; i < BATCH; i++) {
            orders[i] = new Order((long) (i % KEYS), i);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.shutdown();
        Pools.stop(pool);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void deliver() {
        deliveries.expect(BATCH);
        for (Order order : orders) {
            engine.publish("orders", order);
        }
        deliveries.await(TIMEOUT);
    }
}
