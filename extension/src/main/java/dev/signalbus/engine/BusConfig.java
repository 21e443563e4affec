package dev.signalbus.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.signalbus.model.Durations;

/**
 * The bus settings. Front doors read them from their configuration ({@code quarkus.signal-bus.*}
 * on Quarkus, {@code signal-bus.*} through MicroProfile Config elsewhere) and pass the prefix so
 * that an invalid value is reported with its full key.
 *
 * @param shutdownTimeout how long the drain may take, positive, at most {@link Durations#MAX}
 * @param queueCapacity the capacity of each subscriber's queue, positive
 * @param publishTimeout how long a publisher waits for room in a full queue, zero or positive, at
 *        most {@link Durations#MAX}
 * @param topicQueueCapacity per-topic overrides of {@code queueCapacity}
 * @param stuckDeliveryThreshold how long a delivery or periodic run may run before the bus calls
 *        it stuck ({@link SignalBusEngine#stuckDeliveries()}, the liveness check), positive, at most
 *        {@link Durations#MAX}
 */
public record BusConfig(Duration shutdownTimeout, int queueCapacity, Duration publishTimeout,
        Map<String, Integer> topicQueueCapacity, Duration stuckDeliveryThreshold) {

    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    /** The largest queue capacity: 2<sup>30</sup>, about a billion signals per subscriber. */
    public static final int MAX_QUEUE_CAPACITY = 1 << 30;
    public static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_STUCK_DELIVERY_THRESHOLD = Duration.ofMinutes(5);

    public BusConfig {
        topicQueueCapacity = Map.copyOf(topicQueueCapacity);
    }

    /** With the default {@code stuck-delivery-threshold} (5 minutes). */
    public BusConfig(Duration shutdownTimeout, int queueCapacity, Duration publishTimeout,
            Map<String, Integer> topicQueueCapacity) {
        this(shutdownTimeout, queueCapacity, publishTimeout, topicQueueCapacity, DEFAULT_STUCK_DELIVERY_THRESHOLD);
    }

    /**
     * The defaults: 30s shutdown timeout, 10000 signals per queue, 10s publish timeout, 5m
     * stuck-delivery threshold.
     */
    public static BusConfig defaults() {
        return new BusConfig(DEFAULT_SHUTDOWN_TIMEOUT, DEFAULT_QUEUE_CAPACITY, DEFAULT_PUBLISH_TIMEOUT, Map.of());
    }

    /**
     * Every invalid value, so that a front door can report them all at once rather than one per
     * attempt to start.
     *
     * @param prefix the key prefix of the front door, e.g. {@code "signal-bus."}
     * @return one message per offending key, naming it and its value; empty when all are valid
     */
    public List<String> problems(String prefix) {
        return problems(prefix, key -> null);
    }

    /**
     * Every invalid value, each as the front door's configuration holds it.
     *
     * @param prefix the key prefix of the front door, e.g. {@code "signal-bus."}
     * @param written the value of a key as written ({@code "200000d"} rather than {@code PT4800000H}), or
     *        {@code null} when it cannot say: then the value is shown as read
     * @return one message per offending key, naming it and its value; empty when all are valid
     */
    public List<String> problems(String prefix, Function<String, String> written) {
        List<String> problems = new ArrayList<>();
        if (shutdownTimeout == null || shutdownTimeout.isNegative() || shutdownTimeout.isZero()
                || Durations.tooLong(shutdownTimeout)) {
            problems.add(invalid(prefix + "shutdown-timeout", shutdownTimeout, written,
                    "a positive duration up to " + Durations.MAX_TEXT));
        }
        if (queueCapacity < 1 || queueCapacity > MAX_QUEUE_CAPACITY) {
            problems.add(invalid(prefix + "queue-capacity", queueCapacity, written, CAPACITY_RANGE));
        }
        if (publishTimeout == null || publishTimeout.isNegative() || Durations.tooLong(publishTimeout)) {
            problems.add(invalid(prefix + "publish-timeout", publishTimeout, written,
                    "zero or a positive duration up to " + Durations.MAX_TEXT));
        }
        if (stuckDeliveryThreshold == null || stuckDeliveryThreshold.isNegative() || stuckDeliveryThreshold.isZero()
                || Durations.tooLong(stuckDeliveryThreshold)) {
            problems.add(invalid(prefix + "stuck-delivery-threshold", stuckDeliveryThreshold, written,
                    "a positive duration up to " + Durations.MAX_TEXT));
        }
        new TreeMap<>(topicQueueCapacity).forEach((topic, capacity) -> {
            if (capacity == null || capacity < 1 || capacity > MAX_QUEUE_CAPACITY) {
                problems.add(invalid(prefix + "topics.\"" + topic + "\".queue-capacity", capacity, written,
                        CAPACITY_RANGE));
            }
        });
        return problems;
    }

    /** The queue capacity for subscribers of {@code topic}. */
    public int queueCapacity(String topic) {
        Integer capacity = topicQueueCapacity.get(topic);
        return capacity != null ? capacity : queueCapacity;
    }

    private static final String CAPACITY_RANGE = "a positive number up to " + MAX_QUEUE_CAPACITY;

    private static String invalid(String key, Object value, Function<String, String> written, String expected) {
        String text = written.apply(key);
        return "Invalid Signal Bus configuration: " + key + " = " + (text != null ? text.trim() : value) + ", expected "
                + expected;
    }
}
