package dev.signalbus.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.SignalFailure;
import dev.signalbus.Subscribes;
import dev.signalbus.cdi.SignalBusExtension;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import io.smallrye.reactive.messaging.providers.MediatorFactory;
import io.smallrye.reactive.messaging.providers.connectors.ExecutionHolder;
import io.smallrye.reactive.messaging.providers.connectors.WorkerPoolRegistry;
import io.smallrye.reactive.messaging.providers.extension.ChannelProducer;
import io.smallrye.reactive.messaging.providers.extension.EmitterFactoryImpl;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import io.smallrye.reactive.messaging.providers.extension.LegacyEmitterFactoryImpl;
import io.smallrye.reactive.messaging.providers.extension.MediatorManager;
import io.smallrye.reactive.messaging.providers.extension.MutinyEmitterFactoryImpl;
import io.smallrye.reactive.messaging.providers.extension.ReactiveMessagingExtension;
import io.smallrye.reactive.messaging.providers.impl.ConfiguredChannelFactory;
import io.smallrye.reactive.messaging.providers.impl.ConnectorFactories;
import io.smallrye.reactive.messaging.providers.impl.InternalChannelRegistry;
import io.smallrye.reactive.messaging.providers.wiring.Wiring;

/**
 * The bridge on Weld SE with SmallRye Reactive Messaging's own portable extension and its
 * in-memory connector: what goes out is the JSON of the signal, what comes in is read into the
 * topic's type, acknowledged after the subscribers finished, refused when it cannot be read or a
 * subscriber failed. (The same against a real Kafka: integration-tests/bridge-kafka.)
 */
class BridgeWeldTest {

    public record Order(long id, String item) {
    }

    static final List<Order> RECEIVED = new CopyOnWriteArrayList<>();
    static final List<SignalFailure> FAILURES = new CopyOnWriteArrayList<>();

    private WeldContainer container;

    @BeforeEach
    void boot() {
        RECEIVED.clear();
        FAILURES.clear();
        Map<String, String> config = Map.of(
                "signal-bus.topics.orders.outgoing", "orders-out",
                "mp.messaging.outgoing.orders-out.connector", "smallrye-in-memory",
                "signal-bus.topics.orders.incoming", "orders-in",
                "mp.messaging.incoming.orders-in.connector", "smallrye-in-memory",
                "signal-bus.topics.audit.outgoing", "audit-out",
                "mp.messaging.outgoing.audit-out.connector", "smallrye-in-memory");
        config.forEach(System::setProperty);
        refreshConfig();
        try {
            container = new Weld("bridge-" + UUID.randomUUID()).disableDiscovery()
                    .addExtension(new SignalBusExtension()).addExtension(new ReactiveMessagingExtension())
                    .addBeanClasses(MediatorFactory.class, Wiring.class, ExecutionHolder.class, MediatorManager.class,
                            WorkerPoolRegistry.class, InternalChannelRegistry.class, ChannelProducer.class,
                            ConfiguredChannelFactory.class, ConnectorFactories.class, HealthCenter.class,
                            InMemoryConnector.class, EmitterFactoryImpl.class, MutinyEmitterFactoryImpl.class,
                            LegacyEmitterFactoryImpl.class, io.smallrye.config.inject.ConfigProducer.class,
                            Shop.class, Desk.class, Failures.class)
                    .initialize();
        } finally {
            config.keySet().forEach(System::clearProperty);
            refreshConfig();
        }
    }

    @AfterEach
    void close() {
        if (container != null) {
            container.close();
        }
    }

    private InMemoryConnector connector() {
        return container.select(InMemoryConnector.class, Any.Literal.INSTANCE).get();
    }

    @Test
    void aLocalPublishGoesToTheBrokerOnlyWhenTheTopicAlsoComesBackFromIt() {
        InMemorySink<Object> sink = connector().sink("orders-out");
        container.select(Shop.class).get().place(1, "book");

        await().atMost(Duration.ofSeconds(30)).until(() -> sink.received().size() == 1);
        assertThat(sink.received().get(0).getPayload()).isEqualTo("{\"id\":1,\"item\":\"book\"}");
        // with both channels the local subscriber gets it when it comes back, not now
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void aLocalPublishToAnOutgoingOnlyTopicReachesTheLocalSubscribersToo() {
        InMemorySink<Object> sink = connector().sink("audit-out");
        container.select(SignalBus.class).get().publish("audit", new Order(7, "audit"));

        await().atMost(Duration.ofSeconds(30)).until(() -> sink.received().size() == 1 && Desk.AUDITED.get() == 1);
        assertThat(sink.received().get(0).getPayload()).isEqualTo("{\"id\":7,\"item\":\"audit\"}");
    }

    @Test
    void aMessageIsReadIntoTheTopicTypeAndAcknowledgedAfterTheSubscriberFinished() {
        InMemorySource<Message<String>> source = connector().source("orders-in");
        CompletableFuture<Void> acked = new CompletableFuture<>();
        AtomicInteger receivedWhenAcked = new AtomicInteger(-1);
        source.send(Message.of("{\"id\":2,\"item\":\"pen\"}", () -> {
            receivedWhenAcked.set(RECEIVED.size());
            acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }));

        await().atMost(Duration.ofSeconds(30)).until(acked::isDone);
        assertThat(RECEIVED).containsExactly(new Order(2, "pen"));
        assertThat(receivedWhenAcked.get()).isEqualTo(1);
    }

    @Test
    void anUnreadableMessageIsASignalFailureAndRefusedAndTheNextOneStillArrives() {
        InMemorySource<Message<String>> source = connector().source("orders-in");
        AtomicReference<Throwable> refusedNotJson = new AtomicReference<>();
        AtomicReference<Throwable> refusedUnknown = new AtomicReference<>();
        source.send(nackable("not json", refusedNotJson));
        source.send(nackable("{\"@class\":\"dev.signalbus.messaging.BridgeWeldTest$Loaded\",\"id\":3}", refusedUnknown));
        source.send(Message.of("{\"id\":4,\"item\":\"ink\"}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVED.size() == 1);
        assertThat(RECEIVED).containsExactly(new Order(4, "ink"));
        assertThat(refusedNotJson.get()).hasMessageContaining("incoming channel 'orders-in'")
                .hasMessageContaining(Order.class.getName());
        assertThat(refusedUnknown.get()).hasMessageContaining("@class");
        assertThat(FAILURES).extracting(SignalFailure::target).containsOnly("incoming channel 'orders-in'");
        assertThat(FAILURES).extracting(SignalFailure::signal).contains("not json");
        assertThat(LOADED).isFalse();
    }

    @Test
    void aFailingSubscriberRefusesTheMessage() {
        InMemorySource<Message<String>> source = connector().source("orders-in");
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

    static void refreshConfig() {
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    /** A class a message names: reading it must never initialize it. */
    public static class Loaded {
        static {
            LOADED.set(true);
        }
    }

    /** Outside {@link Loaded}: reading it does not initialize that class. */
    static final java.util.concurrent.atomic.AtomicBoolean LOADED = new java.util.concurrent.atomic.AtomicBoolean();

    @ApplicationScoped
    static class Shop {
        @Publishes("orders")
        Order place(long id, String item) {
            return new Order(id, item);
        }
    }

    @ApplicationScoped
    static class Desk {
        static final AtomicInteger AUDITED = new AtomicInteger();

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
    static class Failures {
        void on(@Observes SignalFailure failure) {
            FAILURES.add(failure);
        }
    }
}
