package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

import dev.signalbus.Subscribes;

/** An invalid signal-bus.* setting is a deployment error naming the key. */
class InvalidConfigurationValidationTest {

    @Test
    void deploymentFailsNamingTheMethod() {
        String message = Cdi.deploymentFailure(Map.of("signal-bus.queue-capacity", "0"), Subscriber.class);
        assertThat(message).contains("signal-bus.queue-capacity = 0");
    }

    @ApplicationScoped
    static class Subscriber {
        void receive(@Subscribes("orders") String order) {
        }
    }
}
