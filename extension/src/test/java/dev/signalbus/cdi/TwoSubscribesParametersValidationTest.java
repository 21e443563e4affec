package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

import dev.signalbus.Subscribes;

/** @Subscribes on two parameters of one method is a deployment error naming the method. */
class TwoSubscribesParametersValidationTest {

    @Test
    void deploymentFailsNamingTheMethod() {
        String message = Cdi.deploymentFailure(Merger.class);
        assertThat(message).contains(Merger.class.getName() + "#merge").contains("@Subscribes");
    }

    @ApplicationScoped
    static class Merger {
        void merge(@Subscribes("left") String left, @Subscribes("right") String right) {
        }
    }
}
