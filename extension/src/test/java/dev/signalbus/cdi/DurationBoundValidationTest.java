package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

import dev.signalbus.Batch;
import dev.signalbus.PeriodicTask;
import dev.signalbus.Subscribes;

/**
 * Durations longer than 365 days cannot be scheduled or waited for: in an annotation they are a
 * deployment error naming the method, in a setting one naming the key (issue 10, fault 3: they
 * used to deploy and then overflow).
 */
class DurationBoundValidationTest {

    @Test
    void annotationsNameTheMethod() {
        String message = Cdi.deploymentFailure(Endless.class);
        assertThat(message)
                .contains(Endless.class.getName() + "#store").contains("@Batch(maxWait = \"200000d\")")
                .contains(Endless.class.getName() + "#poll").contains("@PeriodicTask(every = \"200000d\")")
                .contains(Endless.class.getName() + "#later").contains("@PeriodicTask(delay = \"200000d\")")
                .contains("longer than 365 days");
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
    static class Endless {
        @Batch(maxWait = "200000d")
        void store(@Subscribes("readings") List<String> readings) {
        }

        @PeriodicTask(every = "200000d")
        void poll() {
        }

        @PeriodicTask(every = "1s", delay = "200000d")
        void later() {
        }
    }

    @ApplicationScoped
    static class Fine {
        void receive(@Subscribes("readings") String reading) {
        }
    }
}
