package dev.signalbus.benchmarks;

import java.util.List;

/** The peers by the names used in JMH parameters, the latency run and the report. */
final class Peers {

    static final String SIGNAL_BUS = "signal-bus";
    static final String SIGNAL_BUS_ENGINE = "signal-bus-engine";
    /**
     * The user path with Micrometer metrics on (a {@code SimpleMeterRegistry} bean); needs Micrometer on the class
     * path (target/classpath-micrometer.txt, see metrics-overhead.sh). Not in {@link #ALL}: run.sh measures without.
     */
    static final String SIGNAL_BUS_METRICS = "signal-bus-metrics";
    /**
     * The user path with OpenTelemetry tracing on (an SDK {@code OpenTelemetry} bean, every span sampled, exported to
     * nowhere); not in {@link #ALL}: see metrics-overhead.sh.
     */
    static final String SIGNAL_BUS_TRACING = "signal-bus-tracing";
    static final String WELD_ASYNC = "weld-async";
    static final String VERTX = "vertx";
    static final String GUAVA = "guava";
    static final String RAW_QUEUE = "raw-queue";
    static final String DISRUPTOR = "disruptor";

    /** Every peer, ours first. */
    static final List<String> ALL = List.of(SIGNAL_BUS, SIGNAL_BUS_ENGINE, WELD_ASYNC, VERTX, GUAVA, RAW_QUEUE, DISRUPTOR);

    private Peers() {
    }

    /**
     * @param threads worker threads where the peer lets us choose; the raw queue and the Disruptor
     *        always use one thread per subscriber, and Signal Bus on CDI one per subscriber's
     *        concurrency (the pool the portable extension sizes)
     */
    static Peer open(String name, int subscribers, int threads, Delivery delivery) {
        return switch (name) {
            case SIGNAL_BUS -> new SignalBusCdiPeer(subscribers, delivery, false);
            case SIGNAL_BUS_METRICS -> new SignalBusCdiPeer(subscribers, delivery, true);
            case SIGNAL_BUS_TRACING -> new SignalBusCdiPeer(subscribers, delivery, false, true);
            case SIGNAL_BUS_ENGINE -> new SignalBusEnginePeer(subscribers, threads, delivery);
            case WELD_ASYNC -> new WeldAsyncPeer(subscribers, threads, delivery);
            case VERTX -> new VertxPeer(subscribers, threads, delivery);
            case GUAVA -> new GuavaPeer(subscribers, threads, delivery);
            case RAW_QUEUE -> new RawQueuePeer(subscribers, delivery);
            case DISRUPTOR -> new DisruptorPeer(subscribers, delivery);
            default -> throw new IllegalArgumentException("Unknown peer '" + name + "'; known: " + ALL);
        };
    }
}
