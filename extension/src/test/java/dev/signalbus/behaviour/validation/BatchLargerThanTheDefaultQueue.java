package dev.signalbus.behaviour.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Batch;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.DefinitionError;

/**
 * With nothing set, a {@code @Batch(maxSize = 20000)} exceeds the default capacity of 10000: a definition error naming
 * the setting that would raise it (issue 10, fault 4).
 */
public class BatchLargerThanTheDefaultQueue extends DefinitionError {

    @Override
    public void check(String messages, String settingsPrefix) {
        assertThat(messages).contains(Huge.class.getName() + "#store has @Batch(maxSize = 20000), but its queue for "
                + "topic 'readings' holds at most 10000 signals (" + settingsPrefix + "queue-capacity)");
    }

    @ApplicationScoped
    public static class Huge {
        @Batch(maxSize = 20_000)
        void store(@Subscribes("readings") List<String> readings) {
        }
    }
}
