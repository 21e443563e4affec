package dev.signalbus.behaviour.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.DefinitionError;

/**
 * Invalid bus settings stop the application, every key named with its value in one failure; durations longer than
 * 365 days cannot be waited for (issue 10, fault 3: a shutdown timeout that long used to overflow when the
 * application closed, with no drain).
 */
public class InvalidSettings extends DefinitionError {

    @Override
    public Map<String, String> settings() {
        return Map.of("queue-capacity", "0", "shutdown-timeout", "200000d", "publish-timeout", "366d");
    }

    @Override
    public void check(String messages, String settingsPrefix) {
        assertThat(messages)
                .contains("Invalid Signal Bus configuration: " + settingsPrefix + "queue-capacity = 0, expected a "
                        + "positive number up to 1073741824")
                .contains("Invalid Signal Bus configuration: " + settingsPrefix + "shutdown-timeout = 200000d, "
                        + "expected a positive duration up to 365 days (\"365d\")")
                .contains("Invalid Signal Bus configuration: " + settingsPrefix + "publish-timeout = 366d, expected "
                        + "zero or a positive duration up to 365 days (\"365d\")");
    }

    @ApplicationScoped
    public static class Subscriber {
        void receive(@Subscribes("orders") String order) {
        }
    }
}
