package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;

/** A void @Publishes method is a deployment error naming the method. */
class VoidPublisherValidationTest {

    @Test
    void deploymentFailsNamingTheMethod() {
        String message = Cdi.deploymentFailure(Silent.class);
        assertThat(message).contains(Silent.class.getName() + "#place").contains("void");
    }

    @ApplicationScoped
    static class Silent {
        @Publishes("orders")
        void place() {
        }
    }
}
