package dev.signalbus.reliability.weld;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.signalbus.Subscribes;

/**
 * Case 8 (configuration part): a bad {@code signal-bus.*} value set through MicroProfile Config
 * stops the container at start, and the error names the key and the value. (The validation of
 * annotated methods is covered one rule per test class by the extension's own tests, see
 * docs/reliability.md.)
 */
class BadConfigurationTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "signal-bus.queue-capacity                | -1      | signal-bus.queue-capacity = -1",
            "signal-bus.queue-capacity                | 0       | signal-bus.queue-capacity = 0",
            "signal-bus.queue-capacity                | lots    | signal-bus.queue-capacity = lots",
            "signal-bus.shutdown-timeout              | soon    | signal-bus.shutdown-timeout = soon",
            "signal-bus.shutdown-timeout              | 0s      | signal-bus.shutdown-timeout = 0s",
            "signal-bus.shutdown-timeout              | -5s     | signal-bus.shutdown-timeout = -5s",
            "signal-bus.publish-timeout               | 10 days | signal-bus.publish-timeout = 10 days",
            "signal-bus.publish-timeout               | -1s     | signal-bus.publish-timeout = -1s",
            "signal-bus.topics.\"orders\".queue-capacity | -3   | signal-bus.topics.\"orders\".queue-capacity = -3",
            "signal-bus.topics.\"orders\".queue-capacity | many | signal-bus.topics.\"orders\".queue-capacity = many",
    })
    void theContainerDoesNotStartAndTheErrorNamesTheKey(String key, String value, String named) {
        String failure = WeldBus.bootFailure(Map.of(key, value), Subscriber.class);
        assertThat(failure).contains("Invalid Signal Bus configuration").contains(named);
    }

    @Test
    void everyBadKeyIsNamedAtOnce() {
        String failure = WeldBus.bootFailure(Map.of("signal-bus.queue-capacity", "-1",
                "signal-bus.shutdown-timeout", "soon", "signal-bus.publish-timeout", "-1s"), Subscriber.class);
        assertThat(failure).contains("signal-bus.queue-capacity = -1", "signal-bus.shutdown-timeout = soon",
                "signal-bus.publish-timeout = -1s");
    }

    @ApplicationScoped
    static class Subscriber {
        void receive(@Subscribes("orders") String order) {
        }
    }
}
