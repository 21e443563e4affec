package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

/** Private or static subscriber, periodic and publisher methods are deployment errors, each naming its method. */
class PrivateOrStaticMethodValidationTest {

    @Test
    void deploymentFailsNamingTheMethod() {
        String message = Cdi.deploymentFailure(Hidden.class);
        assertThat(message)
                .contains(Hidden.class.getName() + "#receive")
                .contains(Hidden.class.getName() + "#tick")
                .contains(Hidden.class.getName() + "#place")
                .contains("private")
                .contains("static");
    }

    @ApplicationScoped
    static class Hidden {
        private void receive(@Subscribes("orders") String order) {
        }

        @PeriodicTask(every = "1s")
        static void tick() {
        }

        @Publishes("orders")
        private String place() {
            return "book";
        }
    }
}
