package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

import dev.signalbus.Batch;
import dev.signalbus.PeriodicTask;
import dev.signalbus.Subscribes;

/** Unparsable every, delay and maxWait values are deployment errors naming the method. */
class BadDurationValidationTest {

    @Test
    void deploymentFailsNamingTheMethod() {
        String message = Cdi.deploymentFailure(Timed.class);
        assertThat(message)
                .contains(Timed.class.getName() + "#poll").contains("soon")
                .contains(Timed.class.getName() + "#refresh").contains("later")
                .contains(Timed.class.getName() + "#store").contains("a while");
    }

    @ApplicationScoped
    static class Timed {
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
