package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

/** A blank topic on @Subscribes or @Publishes is a deployment error naming the method. */
class BlankTopicValidationTest {

    @Test
    void deploymentFailsNamingTheMethod() {
        String message = Cdi.deploymentFailure(Blank.class);
        assertThat(message)
                .contains(Blank.class.getName() + "#receive")
                .contains(Blank.class.getName() + "#place")
                .containsIgnoringCase("blank");
    }

    @ApplicationScoped
    static class Blank {
        void receive(@Subscribes(" ") String order) {
        }

        @Publishes("")
        String place() {
            return "book";
        }
    }
}
