package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.EndlessDurations;

/**
 * Durations longer than 365 days cannot be scheduled or waited for: in an annotation they are a
 * deployment error naming the method, in a setting one naming the key (issue 10, fault 3: they
 * used to deploy and then overflow).
 */
class DurationBoundValidationTest {

    @Test
    void annotationsNameTheMethod() {
        EndlessDurations.check(Cdi.deploymentFailure(EndlessDurations.class));
    }

    @Test
    void settingsNameTheKey() {
        String message = Cdi.deploymentFailure(Map.of("signal-bus.shutdown-timeout", "200000d",
                "signal-bus.publish-timeout", "366d"), Fine.class);
        assertThat(message)
                .contains("signal-bus.shutdown-timeout = 200000d").contains("signal-bus.publish-timeout = 366d")
                .contains("365 days");
    }

    @Test
    void exactly365DaysIsAccepted() {
        Cdi.boot(Map.of("signal-bus.shutdown-timeout", "365d", "signal-bus.publish-timeout", "P365D"),
                Fine.class).close();
    }

    @ApplicationScoped
    static class Fine {
        void receive(@Subscribes("readings") String reading) {
        }
    }
}
