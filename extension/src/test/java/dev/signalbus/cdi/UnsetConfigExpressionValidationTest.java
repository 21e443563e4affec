package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

import dev.signalbus.PeriodicTask;

/** A ${key} duration whose key is not configured is a deployment error naming the method and the key. */
class UnsetConfigExpressionValidationTest {

    @Test
    void deploymentFailsNamingTheMethod() {
        String message = Cdi.deploymentFailure(Poller.class);
        assertThat(message).contains(Poller.class.getName() + "#poll").contains("'poller.every' is not set");
    }

    @ApplicationScoped
    static class Poller {
        @PeriodicTask(every = "${poller.every}")
        void poll() {
        }
    }
}
