package dev.signalbus.it.jee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;

/**
 * Example 4: a periodic task that is also {@code @Publishes("sum")}, with two values injected from
 * named producers (1 and 2); every run's result (3) reaches both subscribers of "sum".
 */
class PeriodicPublisherIT {

    @Test
    void everyRunFeedsBothSubscribers() {
        int before0 = Server.deliveries("sum-subscriber-0").size();
        int before1 = Server.deliveries("sum-subscriber-1").size();

        await().atMost(Server.PATIENCE).untilAsserted(() -> {
            assertThat(Server.deliveries("sum-subscriber-0")).hasSizeGreaterThanOrEqualTo(before0 + 2);
            assertThat(Server.deliveries("sum-subscriber-1")).hasSizeGreaterThanOrEqualTo(before1 + 2);
        });
        assertThat(Server.deliveries("sum-subscriber-0")).extracting(Server.Delivery::signal).containsOnly("3");
        assertThat(Server.deliveries("sum-subscriber-1")).extracting(Server.Delivery::signal).containsOnly("3");
    }
}
