package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

import dev.signalbus.Batch;
import dev.signalbus.Subscribes;

/** @Batch on a subscriber whose signal parameter is not a List is a deployment error naming the method. */
class BatchWithoutListValidationTest {

    @Test
    void deploymentFailsNamingTheMethod() {
        String message = Cdi.deploymentFailure(Store.class);
        assertThat(message).contains(Store.class.getName() + "#store").contains("List");
    }

    @ApplicationScoped
    static class Store {
        @Batch(maxSize = 5)
        void store(@Subscribes("readings") String reading) {
        }
    }
}
