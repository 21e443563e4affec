package dev.signalbus.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

import dev.signalbus.engine.BusMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The Signal Bus meters in a Micrometer {@link MeterRegistry}; both front doors use it when the
 * application has Micrometer (Quarkus with {@code quarkus-micrometer}: the global registry, to
 * which Quarkus adds its registries; elsewhere a {@code MeterRegistry} bean, or the global registry).
 * <ul>
 * <li>{@code signal.bus.published}, {@code signal.bus.unrouted}, {@code signal.bus.rejected}:
 * counters tagged {@code topic};
 * <li>{@code signal.bus.queue.depth}: a gauge, {@code signal.bus.queue.wait} (publish to the start
 * of delivery) and {@code signal.bus.delivery} (tagged {@code outcome=success|failure}): timers
 * with a count and a total (function timers: no maximum, no histogram; they cost two adds per
 * delivery), all tagged {@code topic} and {@code subscriber} ({@code Class#method});
 * <li>{@code signal.bus.periodic.run}: a timer tagged {@code task} and {@code outcome}.
 * </ul>
 * Topics without subscribers beyond the first {@code SignalBusEngine.MAX_UNROUTED_TOPICS} share the
 * tag value {@code topic=other}. The meters are removed when the bus stops.
 * <pre>{@code
 * SignalBusEngine engine = SignalBusEngine.builder()
 *         .executor(executor)
 *         .metrics(MicrometerBusMetrics.of(registry))
 *         .build();
 * }</pre>
 */
public final class MicrometerBusMetrics implements BusMetrics {

    static final String PREFIX = "signal.bus.";

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    private MicrometerBusMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The meters in {@code registry}. */
    public static BusMetrics of(MeterRegistry registry) {
        return new MicrometerBusMetrics(registry);
    }

    /** The meters in Micrometer's global registry ({@link Metrics#globalRegistry}). */
    public static BusMetrics global() {
        return new MicrometerBusMetrics(Metrics.globalRegistry);
    }

    private synchronized <M extends Meter> M add(M meter) {
        meters.add(meter);
        return meter;
    }

    @Override
    public Topic topic(String topic) {
        Counter published = add(Counter.builder(PREFIX + "published").tag("topic", topic)
                .description("Signals published to the topic and accepted").register(registry));
        Counter unrouted = add(Counter.builder(PREFIX + "unrouted").tag("topic", topic)
                .description("Signals published to the topic while it had no subscriber").register(registry));
        Counter rejected = add(Counter.builder(PREFIX + "rejected").tag("topic", topic)
                .description("Publishes refused because a subscriber's queue stayed full").register(registry));
        return new Topic() {
            @Override
            public void published() {
                published.increment();
            }

            @Override
            public void unrouted() {
                unrouted.increment();
            }

            @Override
            public void rejected() {
                rejected.increment();
            }
        };
    }

    @Override
    public Subscriber subscriber(String topic, String target, IntSupplier queueDepth) {
        // the gauge holds the supplier weakly; the engine holds it as long as the subscriber's queue
        add(Gauge.builder(PREFIX + "queue.depth", queueDepth, IntSupplier::getAsInt).tag("topic", topic)
                .tag("subscriber", target).description("Signals waiting in the subscriber's queue")
                .register(registry));
        Totals queued = totals(Tags.of("topic", topic, "subscriber", target), PREFIX + "queue.wait",
                "Time from the publish of a signal to the start of its delivery");
        Totals success = totals(Tags.of("topic", topic, "subscriber", target, "outcome", "success"),
                PREFIX + "delivery", "Deliveries (a signal or a batch) to the subscriber");
        Totals failure = totals(Tags.of("topic", topic, "subscriber", target, "outcome", "failure"),
                PREFIX + "delivery", "Deliveries (a signal or a batch) to the subscriber");
        return new Subscriber() {
            @Override
            public void queued(long nanos) {
                queued.add(nanos);
            }

            @Override
            public void delivered(long nanos, boolean succeeded) {
                (succeeded ? success : failure).add(nanos);
            }
        };
    }

    /**
     * A timer of the hot path: a count and a total that the registry reads when it publishes
     * ({@link FunctionTimer}), two uncontended adds per measurement instead of a {@link Timer}'s
     * bookkeeping (its maximum over a rotating window), which made the engine several times slower.
     */
    private Totals totals(Tags tags, String name, String description) {
        Totals totals = new Totals();
        add(FunctionTimer.builder(name, totals, Totals::count, Totals::totalNanos, TimeUnit.NANOSECONDS).tags(tags)
                .description(description).register(registry));
        return totals;
    }

    /** Count and total time of one subscriber's measurements; held by its handle, so the meter may hold it weakly. */
    private static final class Totals {
        private final LongAdder count = new LongAdder();
        private final LongAdder nanos = new LongAdder();

        void add(long measured) {
            count.increment();
            nanos.add(measured);
        }

        long count() {
            return count.sum();
        }

        double totalNanos() {
            return nanos.sum();
        }
    }

    @Override
    public Periodic periodic(String target) {
        Timer success = run(target, "success");
        Timer failure = run(target, "failure");
        return new Periodic() {
            @Override
            public void ran(long nanos, boolean succeeded) {
                (succeeded ? success : failure).record(nanos, TimeUnit.NANOSECONDS);
            }
        };
    }

    private Timer run(String target, String outcome) {
        return add(Timer.builder(PREFIX + "periodic.run").tag("task", target).tag("outcome", outcome)
                .description("Runs of the periodic task").register(registry));
    }

    @Override
    public synchronized void close() {
        for (Meter meter : meters) {
            registry.remove(meter);
        }
        meters.clear();
    }
}
