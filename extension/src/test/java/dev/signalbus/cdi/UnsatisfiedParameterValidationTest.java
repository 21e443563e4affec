package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Named;
import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

import dev.signalbus.PeriodicTask;
import dev.signalbus.Subscribes;

/** An injected subscriber or periodic parameter that no bean satisfies is a deployment error naming the method and the parameter. */
class UnsatisfiedParameterValidationTest {

    @Test
    void deploymentFailsNamingTheMethod() {
        String message = Cdi.deploymentFailure(Orders.class);
        assertThat(message)
                .contains(Orders.class.getName() + "#confirm").contains("'mailer'").contains(Mailer.class.getName())
                .contains(Orders.class.getName() + "#remind").contains("'text'").contains("reminders");
    }

    interface Mailer {
    }

    @ApplicationScoped
    static class Orders {
        void confirm(@Subscribes("orders") String order, Mailer mailer) {
        }

        @PeriodicTask(every = "1s")
        void remind(@Named("reminders") String text) {
        }
    }
}
