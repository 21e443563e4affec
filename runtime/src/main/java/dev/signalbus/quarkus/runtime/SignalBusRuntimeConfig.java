package dev.signalbus.quarkus.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Signal Bus settings, read when the application starts.
 */
@ConfigMapping(prefix = "quarkus.signal-bus")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface SignalBusRuntimeConfig {

    /**
     * How long the drain at shutdown may take. When the application stops, no new periodic run starts, and every
     * subscriber queue is delivered, including signals that subscribers publish while draining. Past this timeout the
     * bus logs, per topic and subscriber, how many signals were not delivered, and stops.
     */
    @WithDefault("30s")
    Duration shutdownTimeout();

    /**
     * The capacity of each subscriber's queue, 1 to 1073741824 (2^30). When a queue is full, a publisher waits up to
     * {@code quarkus.signal-bus.publish-timeout} and then gets an exception naming the topic and the subscriber.
     */
    @WithDefault("10000")
    int queueCapacity();

    /**
     * How long a publisher waits for room in a full subscriber queue before it gets an exception. A thread that must
     * not block (a Vert.x event loop) gets the exception at once.
     */
    @WithDefault("10s")
    Duration publishTimeout();

    /**
     * How long a delivery (or a periodic run) may run before the liveness health check reports it as stuck, naming
     * the subscriber, e.g. {@code dev.acme.Mailer#send (topic 'orders') for PT6M2S}; positive, at most 365 days. Used
     * only when the application has {@code quarkus-smallrye-health}: then each delivery records when it began.
     */
    @WithDefault("5m")
    Duration stuckDeliveryThreshold();

    /**
     * Per-topic settings, keyed by topic name, e.g. {@code quarkus.signal-bus.topics."orders".queue-capacity=100}.
     */
    @ConfigDocMapKey("topic")
    Map<String, TopicConfig> topics();

    /**
     * Settings of one topic.
     */
    interface TopicConfig {

        /**
         * The capacity of the queue of each subscriber of this topic; overrides
         * {@code quarkus.signal-bus.queue-capacity}.
         */
        OptionalInt queueCapacity();

        /**
         * A Reactive Messaging channel that every signal published to this topic in this application is sent to, as
         * the JSON text of the signal; its connector is the application's own {@code mp.messaging.outgoing.<channel>.*}
         * configuration (e.g. {@code connector=smallrye-kafka} and a String {@code value.serializer}). Needs a
         * messaging extension such as {@code quarkus-messaging-kafka}. With {@code incoming} on the same topic, a
         * local publish goes only to the channel and reaches the local subscribers when it comes back.
         */
        Optional<String> outgoing();

        /**
         * A Reactive Messaging channel whose every message is published to this topic in this application: read from
         * JSON into the signal type of the topic's subscribers, acknowledged once each of them has finished it,
         * refused ({@code nack}) if one failed or if it cannot be read. Its connector is the application's own
         * {@code mp.messaging.incoming.<channel>.*} configuration. At most the topic's queue capacity of messages are
         * taken and not yet answered; the rest waits in the broker.
         */
        Optional<String> incoming();
    }
}
