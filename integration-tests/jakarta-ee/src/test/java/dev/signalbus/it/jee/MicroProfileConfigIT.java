package dev.signalbus.it.jee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The bus reads {@code signal-bus.*} from the server's MicroProfile Config: the WAR's
 * microprofile-config.properties gives topic "narrow" a queue of one signal and sets
 * publish-timeout to 0.2s, so with its subscriber held the third publish at the latest is refused
 * (the default capacity is 10000), with a message naming the topic and the subscriber.
 */
class MicroProfileConfigIT {

    @Test
    void perTopicQueueCapacityAndPublishTimeoutApply() {
        String id = "narrow-" + UUID.randomUUID();

        String[] answer = Server.post("narrow/" + id).split("\n", 2);

        // One signal in the subscriber's hands (or still queued) and one queued at most.
        assertThat(Integer.parseInt(answer[0])).isBetween(1, 2);
        assertThat(answer[1]).contains("narrow").contains("dev.signalbus.it.jee.NarrowTopic#slow");
        // Nothing accepted is lost once the subscriber goes on.
        int accepted = Integer.parseInt(answer[0]);
        await().atMost(Server.PATIENCE).untilAsserted(
                () -> assertThat(Server.deliveries("narrow-subscriber", id)).hasSize(accepted));
    }
}
