package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

import dev.signalbus.Batch;
import dev.signalbus.Subscribes;

/** A non-positive concurrency or batch maxSize is a deployment error naming the method. */
class NonPositiveSizesValidationTest {

    @Test
    void deploymentFailsNamingTheMethod() {
        String message = Cdi.deploymentFailure(Sized.class);
        assertThat(message)
                .contains(Sized.class.getName() + "#receive").contains("concurrency")
                .contains(Sized.class.getName() + "#store").contains("maxSize");
    }

    @ApplicationScoped
    static class Sized {
        void receive(@Subscribes(value = "orders", concurrency = 0) String order) {
        }

        @Batch(maxSize = 0)
        void store(@Subscribes("readings") List<String> readings) {
        }
    }
}
