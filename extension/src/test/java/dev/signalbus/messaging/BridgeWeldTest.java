package dev.signalbus.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.SignalFailure;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.BridgeScenario;
import dev.signalbus.behaviour.BridgeScenario.Order;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

/**
 * The bridge on Weld SE with SmallRye Reactive Messaging's own portable extension and its in-memory connector:
 * {@link BridgeScenario}, which Quarkus runs too. (The same against a real Kafka: integration-tests/bridge-kafka-weld.)
 */
class BridgeWeldTest {

    private WeldContainer container;

    @BeforeEach
    void boot() {
        BridgeScenario.reset();
        container = SmallRyeWeld.with(BridgeScenario.CONFIG, Shop.class, Desk.class, Failures.class);
    }

    @AfterEach
    void close() {
        container.close();
    }

    private InMemoryConnector connector() {
        return container.select(InMemoryConnector.class, Any.Literal.INSTANCE).get();
    }

    @Test
    void aLocalPublishGoesToTheBrokerOnlyAndArrivesOnceWhenItComesBack() {
        Shop shop = container.select(Shop.class).get();
        BridgeScenario.aLocalPublishGoesToTheBrokerOnlyAndArrivesOnceWhenItComesBack(connector(),
                container.select(SignalBus.class).get(), () -> shop.place(1, "book"));
    }

    @Test
    void aLocalPublishToAnOutgoingOnlyTopicReachesTheLocalSubscribersToo() {
        BridgeScenario.anOutgoingOnlyTopicReachesTheLocalSubscribersToo(connector(),
                container.select(SignalBus.class).get());
    }

    @Test
    void aMessageIsReadIntoTheTopicTypeAndAcknowledgedAfterTheSubscriberFinished() {
        BridgeScenario.aMessageIsReadIntoTheTopicTypeAndAcknowledgedAfterTheSubscriber(connector());
    }

    @Test
    void anUnreadableMessageIsASignalFailureAndRefusedAndTheNextOneStillArrives() {
        BridgeScenario.anUnreadableMessageIsRefusedAndTheNextOneArrives(connector());
    }

    @Test
    void aFailingSubscriberRefusesTheMessage() {
        BridgeScenario.aFailingSubscriberRefusesTheMessage(connector(), Desk.class.getName() + "#receive");
    }

    @ApplicationScoped
    static class Shop {
        @Publishes("orders")
        Order place(long id, String item) {
            return new Order(id, item);
        }
    }

    @ApplicationScoped
    static class Desk {
        void receive(@Subscribes("orders") Order order) {
            BridgeScenario.receive(order);
        }

        void audit(@Subscribes("audit") Order order) {
            BridgeScenario.audit(order);
        }
    }

    @ApplicationScoped
    static class Failures {
        void on(@Observes SignalFailure failure) {
            BridgeScenario.failed(failure);
        }
    }
}
