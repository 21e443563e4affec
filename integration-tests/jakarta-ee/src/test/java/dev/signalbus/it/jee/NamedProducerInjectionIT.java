package dev.signalbus.it.jee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Example 2: a subscriber's extra parameter {@code @Named("bar") String} is injected from a
 * {@code @Produces @Named("bar")} method, called for each delivery.
 */
class NamedProducerInjectionIT {

    @Test
    void eachDeliveryGetsAFreshlyProducedValue() {
        String greeting = "hi-" + UUID.randomUUID();

        Server.post("greeting/" + greeting + "-1");
        Server.post("greeting/" + greeting + "-2");

        await().atMost(Server.PATIENCE).untilAsserted(
                () -> assertThat(Server.deliveries("greeting-subscriber", greeting)).hasSize(2));
        List<String> received = Server.deliveries("greeting-subscriber", greeting).stream()
                .map(Server.Delivery::signal).toList();
        assertThat(received.get(0)).matches(greeting + "-1\\|bar-\\d+");
        assertThat(received.get(1)).matches(greeting + "-2\\|bar-\\d+");
        // The producer ran once per delivery: two different values.
        assertThat(received.get(0).substring(received.get(0).indexOf('|')))
                .isNotEqualTo(received.get(1).substring(received.get(1).indexOf('|')));
    }
}
