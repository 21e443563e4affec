package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

import dev.signalbus.Batch;
import dev.signalbus.Subscribes;

/**
 * A {@code @Batch} whose maxSize exceeds its queue's capacity could never fill, and its publishers
 * would be refused while it waits: a deployment error naming the method and the setting (issue 10,
 * fault 4).
 */
class BatchLargerThanQueueValidationTest {

    @Test
    void theTopicSettingIsNamed() {
        String message = Cdi.deploymentFailure(Map.of("signal-bus.topics.\"readings\".queue-capacity", "4"),
                Readings.class);
        assertThat(message).contains(Readings.class.getName() + "#store").contains("@Batch(maxSize = 10)")
                .contains("holds at most 4 signals").contains("signal-bus.topics.\"readings\".queue-capacity");
    }

    @Test
    void theDefaultCapacityIsNamed() {
        String message = Cdi.deploymentFailure(Huge.class);
        assertThat(message).contains(Huge.class.getName() + "#store").contains("@Batch(maxSize = 20000)")
                .contains("holds at most 10000 signals").contains("signal-bus.queue-capacity");
    }

    @ApplicationScoped
    static class Readings {
        @Batch(maxSize = 10)
        void store(@Subscribes("readings") List<String> readings) {
        }
    }

    @ApplicationScoped
    static class Huge {
        @Batch(maxSize = 20_000)
        void store(@Subscribes("readings") List<String> readings) {
        }
    }
}
