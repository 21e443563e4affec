package dev.signalbus.behaviour.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Batch;
import dev.signalbus.PeriodicTask;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.DefinitionError;

/** Unparsable {@code every}, {@code delay} and {@code maxWait} values are definition errors naming the method. */
public class BadDurations extends DefinitionError {

    @Override
    public void check(String messages, String settingsPrefix) {
        String timed = Timed.class.getName();
        assertThat(messages)
                .contains(timed + "#poll() has @PeriodicTask(every = \"soon\"), which is not a valid duration")
                .contains(timed + "#refresh() has @PeriodicTask(delay = \"later\"), which is not a valid duration")
                .contains(timed + "#store(List<String>) has @Batch(maxWait = \"a while\"), which is not a valid "
                        + "duration")
                .contains("use a number with a unit");
    }

    @ApplicationScoped
    public static class Timed {
        @PeriodicTask(every = "soon")
        void poll() {
        }

        @PeriodicTask(every = "1s", delay = "later")
        void refresh() {
        }

        @Batch(maxWait = "a while")
        void store(@Subscribes("readings") List<String> readings) {
        }
    }
}
