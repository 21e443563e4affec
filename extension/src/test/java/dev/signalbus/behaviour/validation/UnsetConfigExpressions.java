package dev.signalbus.behaviour.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Batch;
import dev.signalbus.PeriodicTask;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.DefinitionError;

/**
 * A {@code ${key}} duration whose key is not configured is a definition error naming the method, the attribute and
 * the key, each of them in the same failure. Quarkus cannot know the value at build time: it checks when the
 * application starts, which then fails. Where to set it is each container's own ("in application.properties", "in
 * MicroProfile Config").
 */
public class UnsetConfigExpressions extends DefinitionError {

    @Override
    public void check(String messages, String settingsPrefix) {
        String poller = Poller.class.getName();
        assertThat(messages)
                .contains(poller + "#poll(): @PeriodicTask(every) = \"${poller.every}\": the config property "
                        + "'poller.every' is not set; set it in ")
                .contains(poller + "#later(): @PeriodicTask(delay) = \"${poller.delay}\": the config property "
                        + "'poller.delay' is not set")
                .contains(poller + "#store(List<String>): @Batch(maxWait) = \"${store.wait}\": the config property "
                        + "'store.wait' is not set")
                .contains("or write the duration itself, e.g. \"5s\"");
    }

    @ApplicationScoped
    public static class Poller {
        @PeriodicTask(every = "${poller.every}")
        void poll() {
        }

        @PeriodicTask(every = "1s", delay = "${poller.delay}")
        void later() {
        }

        @Batch(maxWait = "${store.wait}")
        void store(@Subscribes("readings") List<String> readings) {
        }
    }
}
