package dev.signalbus.behaviour.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Batch;
import dev.signalbus.PeriodicTask;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.DefinitionError;

/**
 * Durations longer than 365 days in annotations cannot be scheduled or waited for: definition errors naming each
 * method (issue 10, fault 3: they used to deploy and then overflow).
 */
public class EndlessDurations extends DefinitionError {

    @Override
    public void check(String messages, String settingsPrefix) {
        String endless = Endless.class.getName();
        assertThat(messages)
                .contains(endless + "#store(List<String>) has @Batch(maxWait = \"200000d\")")
                .contains(endless + "#poll() has @PeriodicTask(every = \"200000d\")")
                .contains(endless + "#later() has @PeriodicTask(delay = \"200000d\")")
                .contains("longer than 365 days");
    }

    @ApplicationScoped
    public static class Endless {
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
}
