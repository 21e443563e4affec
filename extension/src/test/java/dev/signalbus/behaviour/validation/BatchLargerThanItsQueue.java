package dev.signalbus.behaviour.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Batch;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.DefinitionError;

/**
 * A {@code @Batch} whose maxSize exceeds its queue's capacity could never fill, and its publishers would be refused
 * while it waits: a definition error naming the method, the capacity and the setting to change, the topic's own or
 * the bus's (issue 10, fault 4). (Quarkus reads the capacity when the application starts, and fails then.)
 */
public class BatchLargerThanItsQueue extends DefinitionError {

    @Override
    public Map<String, String> settings() {
        return Map.of("queue-capacity", "100", "topics.\"readings\".queue-capacity", "4");
    }

    @Override
    public void check(String messages, String settingsPrefix) {
        String topicKey = settingsPrefix + "topics.\"readings\".queue-capacity";
        assertThat(messages)
                .contains(Readings.class.getName() + "#store has @Batch(maxSize = 10), but its queue for topic "
                        + "'readings' holds at most 4 signals (" + topicKey + "): the batch could never fill; lower "
                        + "maxSize to at most 4 or raise " + topicKey)
                .contains(Huge.class.getName() + "#store has @Batch(maxSize = 200), but its queue for topic 'huge' "
                        + "holds at most 100 signals (" + settingsPrefix + "queue-capacity)");
    }

    @ApplicationScoped
    public static class Readings {
        @Batch(maxSize = 10)
        void store(@Subscribes("readings") List<String> readings) {
        }
    }

    @ApplicationScoped
    public static class Huge {
        @Batch(maxSize = 200)
        void store(@Subscribes("huge") List<String> readings) {
        }
    }
}
