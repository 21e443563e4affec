package dev.signalbus.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;

import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.BridgeScenario;
import dev.signalbus.behaviour.BridgeScenario.Order;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

/**
 * An application whose {@code ObjectMapper} bean reads with default typing for every type (it would load and
 * initialize any class a message names): the bridge reads with a copy of it without default typing.
 */
class BridgeDefaultTypingWeldTest {

    @Test
    void aMessageNamingAClassIsRefusedAndTheClassStaysUntouched() {
        BridgeScenario.reset();
        try (WeldContainer container = SmallRyeWeld.with(BridgeScenario.CONFIG, Desk.class, Mapper.class)) {
            BridgeScenario.aMessageNamingAClassIsRefusedEvenWithDefaultTyping(
                    container.select(InMemoryConnector.class, Any.Literal.INSTANCE).get());
        }
    }

    @ApplicationScoped
    static class Desk {
        void receive(@Subscribes("orders") Order order) {
            BridgeScenario.receive(order);
        }

        void audit(@Subscribes("audit") Order order) {
        }
    }

    @ApplicationScoped
    static class Mapper {
        @Produces
        @Singleton
        ObjectMapper objectMapper() {
            return new ObjectMapper().activateDefaultTyping(LaissezFaireSubTypeValidator.instance,
                    ObjectMapper.DefaultTyping.EVERYTHING);
        }
    }
}
