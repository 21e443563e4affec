package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.reactive.messaging.Message;

import dev.signalbus.SignalBus;
import dev.signalbus.SignalFailure;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;

/**
 * The bridge to Reactive Messaging, written once for both containers (Weld SE: {@code BridgeWeldTest}; Quarkus:
 * {@code integration-tests/messaging-quarkus}) with SmallRye's in-memory connector: what goes out is the JSON of the
 * signal, what comes in is read into the topic's type and acknowledged after the subscribers finished, refused when it
 * cannot be read or a subscriber failed; a class a message names is never initialized. The application: topic
 * {@code orders} out to {@code orders-out} and back in from {@code orders-in}, published by a {@code @Publishes}
 * method and received by a subscriber that calls {@link #receive}; topic {@code audit} out only, received by a
 * subscriber that calls {@link #audit}; an observer of {@code SignalFailure} that calls {@link #failed}.
 */
public final class BridgeScenario {

    public record Order(long id, String item) {
    }

    /** The settings, without the container's prefix ({@code quarkus.} on Quarkus) for the {@code signal-bus.} ones. */
    public static final Map<String, String> CONFIG = Map.of(
            "signal-bus.topics.orders.outgoing", "orders-out",
            "mp.messaging.outgoing.orders-out.connector", "smallrye-in-memory",
            "signal-bus.topics.orders.incoming", "orders-in",
            "mp.messaging.incoming.orders-in.connector", "smallrye-in-memory",
            "signal-bus.topics.audit.outgoing", "audit-out",
            "mp.messaging.outgoing.audit-out.connector", "smallrye-in-memory");

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<Order> RECEIVED = new CopyOnWriteArrayList<>();
    private static final List<SignalFailure> FAILURES = new CopyOnWriteArrayList<>();
    private static final AtomicInteger AUDITED = new AtomicInteger();
    /** Outside {@link Loaded}: reading it does not initialize that class. */
    static final AtomicBoolean LOADED = new AtomicBoolean();

    private BridgeScenario() {
    }

    /** Before each test. */
    public static void reset() {
        RECEIVED.clear();
        FAILURES.clear();
    }

    /** The subscriber of {@code orders}: fails for a negative id. */
    public static void receive(Order order) {
        if (order.id() < 0) {
            throw new IllegalArgumentException("negative id " + order.id());
        }
        RECEIVED.add(order);
    }

    /** The subscriber of {@code audit}. */
    public static void audit(Order order) {
        AUDITED.incrementAndGet();
    }

    /** The observer of {@code SignalFailure}. */
    public static void failed(SignalFailure failure) {
        FAILURES.add(failure);
    }

    /**
     * With both channels, a local publish goes to the broker only: the local subscriber gets it when it comes back,
     * once.
     */
    public static void aLocalPublishGoesToTheBrokerOnlyAndArrivesOnceWhenItComesBack(InMemoryConnector connector,
            SignalBus bus, Runnable placeOrderOneBook) {
        InMemorySink<Object> sink = connector.sink("orders-out");
        sink.clear();
        placeOrderOneBook.run();

        await().atMost(WAIT).until(() -> sink.received().size() == 1);
        assertThat(bus.awaitIdle(WAIT)).isTrue();
        assertThat(sink.received().get(0).getPayload()).isEqualTo("{\"id\":1,\"item\":\"book\"}");
        assertThat(RECEIVED).as("not delivered locally on its way out").isEmpty();

        // the broker hands it back
        InMemorySource<Message<Object>> source = connector.source("orders-in");
        source.send(Message.of(sink.received().get(0).getPayload()));
        await().atMost(WAIT).until(() -> RECEIVED.size() == 1);
        assertThat(bus.awaitIdle(WAIT)).isTrue();
        assertThat(RECEIVED).containsExactly(new Order(1, "book"));
        assertThat(sink.received()).as("not sent out again on its way in").hasSize(1);
    }

    /** With an outgoing channel only, a local publish reaches the local subscribers too. */
    public static void anOutgoingOnlyTopicReachesTheLocalSubscribersToo(InMemoryConnector connector, SignalBus bus) {
        InMemorySink<Object> sink = connector.sink("audit-out");
        sink.clear();
        int before = AUDITED.get();
        bus.publish("audit", new Order(7, "audit"));

        await().atMost(WAIT).until(() -> sink.received().size() == 1 && AUDITED.get() == before + 1);
        assertThat(sink.received().get(0).getPayload()).isEqualTo("{\"id\":7,\"item\":\"audit\"}");
    }

    public static void aMessageIsReadIntoTheTopicTypeAndAcknowledgedAfterTheSubscriber(InMemoryConnector connector) {
        InMemorySource<Message<String>> source = connector.source("orders-in");
        CompletableFuture<Integer> acked = new CompletableFuture<>();
        source.send(Message.of("{\"id\":2,\"item\":\"pen\"}", () -> {
            acked.complete(RECEIVED.size());
            return CompletableFuture.completedFuture(null);
        }));

        await().atMost(WAIT).until(acked::isDone);
        assertThat(RECEIVED).containsExactly(new Order(2, "pen"));
        assertThat(acked.join()).as("signals the subscriber had received when acknowledged").isEqualTo(1);
    }

    /** Not JSON, the wrong shape, a property naming a class: each a failure and refused; the next one arrives. */
    public static void anUnreadableMessageIsRefusedAndTheNextOneArrives(InMemoryConnector connector) {
        InMemorySource<Message<String>> source = connector.source("orders-in");
        AtomicReference<Throwable> notJson = new AtomicReference<>();
        AtomicReference<Throwable> wrongShape = new AtomicReference<>();
        AtomicReference<Throwable> namesAClass = new AtomicReference<>();
        AtomicReference<Throwable> jsonNull = new AtomicReference<>();
        source.send(nackable("null", jsonNull));
        source.send(nackable("not json", notJson));
        source.send(nackable("[1, 2]", wrongShape));
        source.send(nackable("{\"@class\":\"" + Loaded.class.getName() + "\",\"id\":3}", namesAClass));
        source.send(Message.of("{\"id\":4,\"item\":\"ink\"}"));

        await().atMost(WAIT).until(() -> RECEIVED.size() == 1 && namesAClass.get() != null);
        assertThat(RECEIVED).containsExactly(new Order(4, "ink"));
        assertThat(notJson.get()).hasMessageContaining("incoming channel 'orders-in'")
                .hasMessageContaining(Order.class.getName());
        assertThat(wrongShape.get()).hasMessageContaining("incoming channel 'orders-in'");
        assertThat(namesAClass.get()).hasMessageContaining("@class");
        assertThat(jsonNull.get()).hasMessageContaining("JSON null");
        assertThat(FAILURES).extracting(SignalFailure::target).containsOnly("incoming channel 'orders-in'");
        assertThat(FAILURES).extracting(SignalFailure::signal).contains("null", "not json", "[1, 2]");
        assertThat(LOADED).isFalse();
    }

    /**
     * The application's {@code ObjectMapper} reads with default typing (it would instantiate any class a message
     * names): the bridge reads without it, so such a message is refused and the class it names stays untouched.
     */
    public static void aMessageNamingAClassIsRefusedEvenWithDefaultTyping(InMemoryConnector connector) {
        InMemorySource<Message<String>> source = connector.source("orders-in");
        AtomicReference<Throwable> refused = new AtomicReference<>();
        source.send(nackable("{\"@class\":\"" + Loaded.class.getName() + "\",\"id\":3}", refused));
        source.send(Message.of("{\"id\":5,\"item\":\"cup\"}"));

        await().atMost(WAIT).until(() -> refused.get() != null && RECEIVED.size() == 1);
        assertThat(RECEIVED).containsExactly(new Order(5, "cup"));
        assertThat(LOADED).isFalse();
    }

    /** @param subscriber the {@code Class#method} of the subscriber of {@code orders} */
    public static void aFailingSubscriberRefusesTheMessage(InMemoryConnector connector, String subscriber) {
        InMemorySource<Message<String>> source = connector.source("orders-in");
        AtomicReference<Throwable> refused = new AtomicReference<>();
        source.send(nackable("{\"id\":-1,\"item\":\"broken\"}", refused));

        await().atMost(WAIT).until(() -> refused.get() != null);
        assertThat(refused.get()).hasMessageContaining("negative id");
        assertThat(FAILURES).extracting(SignalFailure::target).contains(subscriber);
    }

    private static Message<String> nackable(String payload, AtomicReference<Throwable> refused) {
        return Message.of(payload).withNack(failure -> {
            refused.set(failure);
            return CompletableFuture.completedFuture(null);
        });
    }

    /** A class a message names: reading the message must never initialize it. */
    public static class Loaded {
        static {
            LOADED.set(true);
        }
    }
}
