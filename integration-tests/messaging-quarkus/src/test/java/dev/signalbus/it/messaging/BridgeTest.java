package dev.signalbus.it.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.SignalFailure;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.BridgeScenario;
import dev.signalbus.behaviour.BridgeScenario.Order;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

/**
 * The bridge in a Quarkus application with quarkus-messaging and the in-memory connector: {@link BridgeScenario},
 * which Weld SE runs too. Its settings are {@code BridgeScenario.CONFIG} with the {@code quarkus.} prefix, in
 * src/test/resources/application.properties.
 */
@QuarkusTest
public class BridgeTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Shop shop;

    @Inject
    SignalBus bus;

    @BeforeEach
    void reset() {
        BridgeScenario.reset();
    }

    @Test
    void aLocalPublishGoesToTheBrokerOnlyAndArrivesOnceWhenItComesBack() {
        BridgeScenario.aLocalPublishGoesToTheBrokerOnlyAndArrivesOnceWhenItComesBack(connector, bus,
                () -> shop.place(1, "book"));
    }

    @Test
    void aLocalPublishToAnOutgoingOnlyTopicReachesTheLocalSubscribersToo() {
        BridgeScenario.anOutgoingOnlyTopicReachesTheLocalSubscribersToo(connector, bus);
    }

    @Test
    void aMessageIsReadIntoTheTopicTypeAndAcknowledgedAfterTheSubscriberFinished() {
        BridgeScenario.aMessageIsReadIntoTheTopicTypeAndAcknowledgedAfterTheSubscriber(connector);
    }

    @Test
    void anUnreadableMessageIsASignalFailureAndRefusedAndTheNextOneStillArrives() {
        BridgeScenario.anUnreadableMessageIsRefusedAndTheNextOneArrives(connector);
    }

    @Test
    void aFailingSubscriberRefusesTheMessage() {
        BridgeScenario.aFailingSubscriberRefusesTheMessage(connector, Desk.class.getName() + "#receive");
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
            BridgeScenario.receive(order);
        }

        void audit(@Subscribes("audit") Order order) {
            BridgeScenario.audit(order);
        }
    }

    @ApplicationScoped
    public static class Failures {
        void on(@Observes SignalFailure failure) {
            BridgeScenario.failed(failure);
        }
    }
}
