package dev.signalbus.it.jee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Example 1: what a {@code @Publishes("foo")} method returns reaches both subscribers of "foo". */
class PublisherWithTwoSubscribersIT {

    @Test
    void bothSubscribersReceiveTheReturnValue() {
        String arg = "hello-" + UUID.randomUUID();

        Server.post("foo/" + arg);

        await().atMost(Server.PATIENCE).untilAsserted(() -> {
            assertThat(Server.deliveries("foo-subscriber-0", "message:" + arg)).hasSize(1);
            assertThat(Server.deliveries("foo-subscriber-1", "message:" + arg)).hasSize(1);
        });
    }
}
