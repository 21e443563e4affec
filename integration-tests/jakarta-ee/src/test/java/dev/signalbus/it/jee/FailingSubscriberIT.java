package dev.signalbus.it.jee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * A failing subscriber is reported as a {@code SignalFailure} event, observed on the delivering
 * (managed) thread, and does not keep the other subscriber of the topic from its signal.
 */
class FailingSubscriberIT {

    @Test
    void failureIsObservedAndTheOtherSubscriberStillReceives() {
        String order = "order-" + UUID.randomUUID();

        Server.post("orders/" + order);

        await().atMost(Server.PATIENCE).untilAsserted(() -> {
            assertThat(Server.deliveries("failure", "orders|")).filteredOn(d -> d.signal().contains(order))
                    .singleElement()
                    .satisfies(failure -> {
                        assertThat(failure.signal()).isEqualTo("orders|dev.signalbus.it.jee.FailingSubscriber#refuse|"
                                + order + "|java.lang.IllegalStateException: refused " + order);
                        assertThat(failure.thread()).startsWith(Server.MANAGED_EXECUTOR_THREAD);
                    });
            assertThat(Server.deliveries("orders-accepted", order)).hasSize(1);
        });
    }
}
