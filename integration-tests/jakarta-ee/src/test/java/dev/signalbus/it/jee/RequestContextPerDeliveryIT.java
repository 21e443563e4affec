package dev.signalbus.it.jee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Each delivery runs in a fresh request context on the managed thread: a request-scoped bean
 * injected into a subscriber is a new instance per delivery, and not the publishing request's.
 */
class RequestContextPerDeliveryIT {

    @Test
    void everyDeliveryHasItsOwnRequestScope() {
        String id = "probe-" + UUID.randomUUID();

        String publishingRequestTag = Server.post("probe/" + id);

        await().atMost(Server.PATIENCE).untilAsserted(
                () -> assertThat(Server.deliveries("probe-subscriber", id)).hasSize(2));
        List<String> tags = Server.deliveries("probe-subscriber", id).stream()
                .map(d -> d.signal().substring(d.signal().indexOf('|') + 1)).toList();
        assertThat(tags).doesNotHaveDuplicates().doesNotContain(publishingRequestTag);
    }
}
