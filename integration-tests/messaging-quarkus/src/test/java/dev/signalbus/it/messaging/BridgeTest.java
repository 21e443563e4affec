package dev.signalbus.it.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.SignalFailure;
import dev.signalbus.Subscribes;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;

/**
 * The bridge in a Quarkus application with quarkus-messaging and the in-memory connector: what goes out is the JSON
 * of the signal, what comes in is read into the topic's type, acknowledged after the subscribers finished, refused
 * when it cannot be read or a subscriber failed; a class a message names is never initialized.
 */
@QuarkusTest
public class BridgeTest {

    public record Order(long id, String item) {
    }

    static final List<Order> RECEIVED = new CopyOnWriteArrayList<>();
    static final List<SignalFailure> FAILURES = new CopyOnWriteArrayList<>();
    static final AtomicInteger AUDITED = new AtomicInteger();
    /** Outside {@link Loaded}: reading it does not initialize that class. */
    static final AtomicBoolean LOADED = new AtomicBoolean();

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Shop shop;

    @Inject
    SignalBus bus;

    @BeforeEach
    void clear() {
        RECEIVED.clear();
        FAILURES.clear();
    }

    @Test
    void aLocalPublishGoesToTheBrokerOnlyWhenTheTopicAlsoComesBackFromIt() {
        InMemorySink<Object> sink = connector.sink("orders-out");
        sink.clear();
        shop.place(1, "book");

        await().atMost(Duration.ofSeconds(30)).until(() -> sink.received().size() == 1);
        assertThat(sink.received().get(0).getPayload()).isEqualTo("{\"id\":1,\"item\":\"book\"}");
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void aLocalPublishToAnOutgoingOnlyTopicReachesTheLocalSubscribersToo() {
        InMemorySink<Object> sink = connector.sink("audit-out");
        sink.clear();
        int before = AUDITED.get();
        bus.publish("audit", new Order(7, "audit"));

        await().atMost(Duration.ofSeconds(30)).until(() -> sink.received().size() == 1 && AUDITED.get() == before + 1);
        assertThat(sink.received().get(0).getPayload()).isEqualTo("{\"id\":7,\"item\":\"audit\"}");
    }

    @Test
    void aMessageIsReadIntoTheTopicTypeAndAcknowledgedAfterTheSubscriberFinished() {
        InMemorySource<Message<String>> source = connector.source("orders-in");
        CompletableFuture<Integer> acked = new CompletableFuture<>();
        source.send(Message.of("{\"id\":2,\"item\":\"pen\"}", () -> {
            acked.complete(RECEIVED.size());
            return CompletableFuture.completedFuture(null);
        }));

        await().atMost(Duration.ofSeconds(30)).until(acked::isDone);
        assertThat(RECEIVED).containsExactly(new Order(2, "pen"));
        assertThat(acked.join()).as("subscribers finished when acknowledged").isEqualTo(1);
    }

    @Test
    void anUnreadableMessageIsASignalFailureAndRefusedAndTheNextOneStillArrives() {
        InMemorySource<Message<String>> source = connector.source("orders-in");
        AtomicReference<Throwable> notJson = new AtomicReference<>();
        AtomicReference<Throwable> wrongShape = new AtomicReference<>();
        AtomicReference<Throwable> namesAClass = new AtomicReference<>();
        source.send(nackable("not json", notJson));
        source.send(nackable("[1, 2]", wrongShape));
        source.send(nackable("{\"@class\":\"" + Loaded.class.getName() + "\",\"id\":3}", namesAClass));
        source.send(Message.of("{\"id\":4,\"item\":\"ink\"}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVED.size() == 1 && namesAClass.get() != null);
        assertThat(RECEIVED).containsExactly(new Order(4, "ink"));
        assertThat(notJson.get()).hasMessageContaining("incoming channel 'orders-in'")
                .hasMessageContaining(Order.class.getName());
        assertThat(wrongShape.get()).isNotNull();
        assertThat(namesAClass.get()).hasMessageContaining("@class");
        assertThat(FAILURES).extracting(SignalFailure::target).containsOnly("incoming channel 'orders-in'");
        assertThat(FAILURES).extracting(SignalFailure::signal).contains("not json", "[1, 2]");
        assertThat(LOADED).isFalse();
    }

    @Test
    void aFailingSubscriberRefusesTheMessage() {
        InMemorySource<Message<String>> source = connector.source("orders-in");
        AtomicReference<Throwable> refused = new AtomicReference<>();
        source.send(nackable("{\"id\":-1,\"item\":\"broken\"}", refused));

        await().atMost(Duration.ofSeconds(30)).until(() -> refused.get() != null);
        assertThat(refused.get()).hasMessageContaining("negative id");
        assertThat(FAILURES).extracting(SignalFailure::target).contains(Desk.class.getName() + "#receive");
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

    @ApplicationScoped
    public static class Shop {
        @Publishes("orders")
        Order place(long id, String item) {
            return new Order(id, item);
        }
    }

    @ApplicationScoped
    public static class Desk {
        void receive(@Subscribes("orders") Order order) {
            if (order.id() < 0) {
                throw new IllegalArgumentException("negative id " + order.id());
            }
            RECEIVED.add(order);
        }

        void audit(@Subscribes("audit") Order order) {
            AUDITED.incrementAndGet();
        }
    }

    @ApplicationScoped
    public static class Failures {
        void on(@Observes SignalFailure failure) {
            FAILURES.add(failure);
        }
    }
}
