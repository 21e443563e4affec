package dev.signalbus.it.jee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A chain A→B→C: subscribers that are themselves publishers pass each signal along. */
class ChainIT {

    @Test
    void everySignalTravelsTheWholeChain() {
        String id = "chain-" + UUID.randomUUID();

        Server.post("chain/" + id + "?count=3");

        await().atMost(Server.PATIENCE).untilAsserted(() -> assertThat(Server.deliveries("chain-end", id))
                .extracting(Server.Delivery::signal)
                .containsExactlyInAnyOrder(id + "-0>b>c", id + "-1>b>c", id + "-2>b>c"));
        assertThat(Server.deliveries("chain-b", id)).hasSize(3);
        assertThat(Server.deliveries("chain-c", id)).hasSize(3);
    }
}
