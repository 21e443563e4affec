package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;

/** @Publishes on a bean class is a deployment error naming the class. */
class PublishesOnBeanClassValidationTest {

    @Test
    void deploymentFailsNamingTheMethod() {
        String message = Cdi.deploymentFailure(Loud.class);
        assertThat(message).contains(Loud.class.getName() + ": @Publishes is not allowed on a bean class");
    }

    @ApplicationScoped
    @Publishes("everything")
    static class Loud {
        String talk() {
            return "hi";
        }
    }
}
