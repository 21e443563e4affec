package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

/**
 * Every problem of a deployment is reported at once, in one deployment error listing them all —
 * the model's checks and the container's (injection) alike — so the user fixes them in one go.
 */
class AllProblemsReportedTogetherTest {

    @Test
    void oneFailureListsEveryProblem() {
        String message = Cdi.deploymentFailure(Broken.class);
        assertThat(message).contains("Signal Bus found 4 problems in this deployment:");
        assertThat(message)
                .contains("1. ").contains("2. ").contains("3. ").contains("4. ")
                .contains(Broken.class.getName() + "#silent")
                .contains(Broken.class.getName() + "#poll")
                .contains(Broken.class.getName() + "#receive")
                .contains(Broken.class.getName() + "#confirm(String, Mailer): parameter 1 'mailer'");
    }

    interface Mailer {
    }

    @ApplicationScoped
    static class Broken {
        @Publishes("orders")
        void silent() {
        }

        @PeriodicTask(every = "soon")
        void poll() {
        }

        private void receive(@Subscribes("orders") String order) {
        }

        void confirm(@Subscribes("orders") String order, Mailer mailer) {
        }
    }
}
