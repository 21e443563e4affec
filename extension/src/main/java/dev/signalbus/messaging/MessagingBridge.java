package dev.signalbus.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.signalbus.engine.BusConfig;
import dev.signalbus.engine.BusLog;
import dev.signalbus.engine.DrainReport;
import dev.signalbus.engine.SignalBusEngine;
import dev.signalbus.engine.SubscriberSpec;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.providers.extension.ChannelConfiguration;
import io.smallrye.reactive.messaging.providers.extension.MediatorManager;

/**
 * The bridge between topics and MicroProfile Reactive Messaging channels (SmallRye), shared by
 * both front doors: {@code topics."orders".outgoing=<channel>} sends every signal published to
 * {@code orders} in this JVM to that channel, {@code topics."orders".incoming=<channel>} publishes
 * every message of that channel to {@code orders} here. The broker and its settings are the
 * application's own {@code mp.messaging.*} configuration.
 * <p>
 * A signal travels as the JSON text (a {@code String} payload) of its object; a message is read
 * into the topic's signal type only ({@link SignalBusEngine#receiveType}), never into a class it
 * names, and a property the type does not have makes it unreadable. A message is acknowledged
 * once every local subscriber has finished it, refused ({@code nack}) if one failed or if it
 * cannot be read; at most {@code queue-capacity} messages of a channel are taken and not yet
 * answered, the rest wait in the broker.
 * <p>
 * Life cycle, driven by the front door: {@link #declare} before Reactive Messaging wires its
 * channels, {@link #configure} while the engine is built, {@link #open} once the channels are
 * wired and before the engine starts, {@link #startReceiving} once it started, and
 * {@link #drain} instead of the engine's own shutdown, before the connectors close.
 */
public final class MessagingBridge {

    private static final BusLog LOG = BusLog.of(MessagingBridge.class);

    /** The channels of one topic; either may be {@code null}. */
    public record Channels(String outgoing, String incoming) {
    }

    private final String configPrefix;
    private final Map<String, Channels> topics;
    private final ObjectMapper json;
    private final List<Outgoing> outgoing = new ArrayList<>();
    private final List<Incoming> incoming = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile ChannelRegistry registry;
    private volatile BusConfig config;

    /**
     * @param configPrefix the front door's key prefix, e.g. {@code "signal-bus."}, for messages
     * @param topics the channels of each topic that has some
     * @param json the application's {@link ObjectMapper} (its modules and naming apply); reading
     *        fails on unknown properties whatever its own setting
     */
    public MessagingBridge(String configPrefix, Map<String, Channels> topics, ObjectMapper json) {
        this.configPrefix = Objects.requireNonNull(configPrefix);
        this.topics = new TreeMap<>(topics);
        // whatever the application's mapper does, a message never names the class it is read into
        this.json = json.copy().deactivateDefaultTyping();
    }

    /** Whether any topic has a channel. */
    public boolean isEmpty() {
        return topics.isEmpty();
    }

    /**
     * Tells Reactive Messaging about the channels before it wires them: an emitter for each
     * outgoing channel, a consumer for each incoming one (their connectors come from
     * {@code mp.messaging.*}).
     */
    public void declare(MediatorManager mediators) {
        topics.values().forEach(channels -> {
            if (channels.outgoing() != null) {
                mediators.addEmitter(new BridgeEmitterConfiguration(channels.outgoing()));
            }
            if (channels.incoming() != null) {
                mediators.addChannel(new ChannelConfiguration(channels.incoming()));
            }
        });
    }

    /**
     * Adds a subscriber per outgoing channel (it sends what is published in this JVM) and
     * declares the incoming topics.
     */
    public void configure(SignalBusEngine.Builder builder) {
        topics.forEach((topic, channels) -> {
            if (channels.outgoing() != null) {
                Outgoing out = new Outgoing(topic, channels.outgoing());
                outgoing.add(out);
                builder.outgoing(SubscriberSpec.of(topic, out.target, Object.class, 1, out::send));
            }
            if (channels.incoming() != null) {
                builder.incoming(topic);
            }
        });
    }

    /**
     * Finds the emitter of each outgoing channel, once Reactive Messaging has wired them.
     *
     * @throws IllegalStateException naming each channel Reactive Messaging did not wire (no
     *         connector configured for it)
     */
    public void open(SignalBusEngine engine, ChannelRegistry registry, BusConfig config) {
        this.registry = registry;
        this.config = config;
        List<String> problems = new ArrayList<>();
        topics.forEach((topic, channels) -> {
            if (channels.incoming() != null && registry.getPublishers(channels.incoming()).isEmpty()) {
                problems.add(missing("incoming", topic, channels.incoming()));
            }
        });
        for (Outgoing out : outgoing) {
            Emitter<?> emitter = registry.getEmitter(out.channel);
            // an emitter exists even without a connector, which would keep what it is given forever
            if (emitter == null || !registry.getOutgoingNames().contains(out.channel)) {
                problems.add(missing("outgoing", out.topic, out.channel));
            } else {
                out.open(engine, emitter, config.queueCapacity(out.topic));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Signal Bus cannot connect its channels: " + String.join("; ", problems));
        }
    }

    /**
     * Subscribes to each incoming channel: from now on its messages are published to their
     * topic, at most {@code window} taken and not yet answered per channel.
     */
    public void startReceiving(SignalBusEngine engine) {
        topics.forEach((topic, channels) -> {
            if (channels.incoming() == null) {
                return;
            }
            List<Flow.Publisher<? extends Message<?>>> publishers = registry.getPublishers(channels.incoming());
            Class<?> type = engine.receiveType(topic);
            ObjectReader reader = json.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            for (Flow.Publisher<? extends Message<?>> publisher : publishers) {
                Incoming in = new Incoming(engine, topic, channels.incoming(), reader, type,
                        config.queueCapacity(topic));
                incoming.add(in);
                publisher.subscribe(in);
            }
        });
    }

    private String missing(String direction, String topic, String channel) {
        return configPrefix + "topics.\"" + topic + "\"." + direction + " = " + channel + ", but Reactive Messaging"
                + " has no " + direction + " channel '" + channel + "': configure its connector, e.g. mp.messaging."
                + direction + "." + channel + ".connector=smallrye-kafka";
    }

    /**
     * The drain in the order the channels need: no more messages are taken from the incoming
     * channels (those that arrive anyway are left unanswered, so that the broker gives them to
     * another consumer, or to this one after its restart), the engine drains (what was taken is
     * delivered and answered, what subscribers publish meanwhile is sent), then the broker's
     * answers to what was sent are awaited, all within the {@code shutdown-timeout}. The front
     * door lets the connectors close only after this returns.
     */
    public DrainReport drain(SignalBusEngine engine) {
        stopReceiving();
        DrainReport report = engine.shutdown();
        BusConfig config = this.config;
        if (config == null) {
            return report; // never opened (the start failed before): nothing was sent
        }
        Duration left = config.shutdownTimeout().minus(report.took());
        awaitSent(left.isNegative() ? Duration.ZERO : left);
        return report;
    }

    private void stopReceiving() {
        for (Incoming in : incoming) {
            in.stop();
        }
    }

    /**
     * Waits until the broker has answered every message sent.
     *
     * @return {@code true} if none is left unanswered
     */
    private boolean awaitSent(Duration timeout) {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        boolean all = true;
        for (Outgoing out : outgoing) {
            all &= out.awaitAnswers(deadline);
        }
        return all;
    }

    /** One outgoing channel: the subscriber that sends its topic's local signals. */
    private final class Outgoing {
        final String topic;
        final String channel;
        final String target;
        private volatile Emitter<Object> emitter;
        /** Messages sent and not yet answered by the broker. */
        private final AtomicInteger unanswered = new AtomicInteger();
        /** The sending thread while it waits for answers, else {@code null}. */
        private volatile Thread waiting;
        private int capacity;
        /** A waiting sender is woken once this few are unanswered: once per quarter of the window, not per answer. */
        private int resume;
        private volatile SignalBusEngine engine;

        Outgoing(String topic, String channel) {
            this.topic = topic;
            this.channel = channel;
            this.target = "outgoing channel '" + channel + "'";
        }

        @SuppressWarnings("unchecked")
        void open(SignalBusEngine engine, Emitter<?> emitter, int capacity) {
            this.engine = engine;
            this.capacity = capacity;
            this.resume = capacity - Math.max(1, capacity / 4);
            this.emitter = (Emitter<Object>) emitter;
        }

        /** The delivery: waits while {@code capacity} messages are unanswered, then sends. */
        Object send(Object signal) throws Exception {
            Emitter<Object> out = emitter;
            if (out == null) {
                throw new IllegalStateException("Signal Bus: the " + target + " of topic '" + topic
                        + "' is not connected yet");
            }
            String payload = json.writeValueAsString(signal);
            awaitRoom(); // the publisher waits (its queue fills) while the broker is behind
            unanswered.incrementAndGet();
            Message<Object> message = Message.of((Object) payload, BridgeTracing.metadata(),
                    () -> {
                        answered();
                        return CompletableFuture.completedFuture(null);
                    },
                    reason -> {
                        answered();
                        failed(signal, reason);
                        return CompletableFuture.completedFuture(null);
                    });
            try {
                out.send(message);
            } catch (RuntimeException e) {
                answered();
                throw e;
            }
            return null;
        }

        /** Only the one delivering thread of this subscriber (concurrency 1) ever waits here. */
        private void awaitRoom() throws InterruptedException {
            while (unanswered.get() >= capacity) {
                waiting = Thread.currentThread();
                if (unanswered.get() >= capacity) { // an answer before we were visible wakes us below
                    LockSupport.park(this);
                }
                waiting = null;
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while the broker had " + capacity
                            + " signals of topic '" + topic + "' unanswered");
                }
            }
        }

        private void answered() {
            int left = unanswered.decrementAndGet();
            Thread sender = waiting;
            if (sender != null && (left <= resume || left == 0)) {
                LockSupport.unpark(sender);
            }
        }

        void failed(Object signal, Throwable reason) {
            SignalBusEngine current = engine; // logs it too
            if (current != null) {
                current.reportFailure(topic, target, signal, reason);
            }
        }

        boolean awaitAnswers(long deadline) {
            while (unanswered.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || Thread.currentThread().isInterrupted()) {
                    LOG.acknowledgementsNotAwaited(unanswered.get(), topic, target);
                    return false;
                }
                LockSupport.parkNanos(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(5)));
            }
            return true;
        }
    }

    /** One subscription to an incoming channel. */
    private final class Incoming implements Flow.Subscriber<Message<?>> {
        final SignalBusEngine engine;
        final String topic;
        final String target;
        final ObjectReader reader;
        final Class<?> type;
        final int window;
        private volatile Flow.Subscription subscription;
        private volatile boolean stopped;
        /** Messages answered and not yet requested again; see {@link #requestMore()}. */
        private final AtomicLong owed = new AtomicLong();
        private final AtomicInteger requesting = new AtomicInteger();

        Incoming(SignalBusEngine engine, String topic, String channel, ObjectReader reader, Class<?> type,
                int window) {
            this.engine = engine;
            this.topic = topic;
            this.target = "incoming channel '" + channel + "'";
            this.reader = reader;
            this.type = type;
            this.window = window;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            owed.addAndGet(window);
            requestMore();
        }

        @Override
        public void onNext(Message<?> message) {
            if (stopped) {
                // taken by the connector after the drain began: left unanswered, delivered again
                // by the broker (to another consumer of the group, or after the restart)
                return;
            }
            Object signal;
            try {
                signal = read(message.getPayload());
            } catch (RuntimeException | JsonProcessingException e) {
                IllegalArgumentException failure = new IllegalArgumentException("A message of " + target
                        + " cannot be read as " + type.getName() + " (topic '" + topic + "'): " + e.getMessage(), e);
                engine.reportFailure(topic, target, message.getPayload(), failure);
                answer(message, failure);
                return;
            }
            try {
                BridgeTracing.receive(message, () -> engine.receive(topic, signal, failure -> answer(message, failure)));
            } catch (RuntimeException e) {
                if (engine.isStopped() || engine.phase() == SignalBusEngine.Phase.DRAINING) {
                    return; // left unanswered: delivered again
                }
                engine.reportFailure(topic, target, signal, e);
                answer(message, e);
            }
        }

        private Object read(Object payload) throws JsonProcessingException {
            Object signal;
            if (payload instanceof String text) {
                signal = reader.readValue(text);
            } else if (payload instanceof byte[] bytes) {
                signal = reader.readValue(new String(bytes, StandardCharsets.UTF_8));
            } else {
                signal = unreadable(payload);
            }
            if (signal == null) {
                throw new IllegalArgumentException("the message is JSON null, not a signal");
            }
            return signal;
        }

        private Object unreadable(Object payload) {
            throw new IllegalArgumentException(payload == null ? "the message has no payload"
                    : "its payload is a " + payload.getClass().getName() + ", where the bridge reads JSON text:"
                            + " configure the channel to deserialize values as String (Kafka: value.deserializer="
                            + "org.apache.kafka.common.serialization.StringDeserializer)");
        }

        private void answer(Message<?> message, Throwable failure) {
            if (failure == null) {
                message.ack();
            } else {
                message.nack(failure);
            }
            owed.incrementAndGet();
            requestMore();
        }

        /**
         * One more message per message answered. Answers come from many delivering threads at once, while calls to
         * {@code request} must not overlap (Reactive Streams 2.7): one thread requests what is owed, for the others too.
         */
        private void requestMore() {
            if (requesting.getAndIncrement() != 0) {
                return;
            }
            do {
                long n = owed.getAndSet(0);
                Flow.Subscription current = subscription;
                if (n > 0 && current != null && !stopped) {
                    current.request(n);
                }
            } while (requesting.decrementAndGet() != 0);
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void onError(Throwable failure) {
            LOG.incomingFailed(failure, target, topic);
        }

        @Override
        public void onComplete() {
            LOG.debugf("Signal Bus: %s of topic '%s' completed", target, topic);
        }
    }

}
