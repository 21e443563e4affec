package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

import dev.signalbus.Batch;
import dev.signalbus.Subscribes;

/** A key the signal type has no accessor for, a key with @Batch, and a key that is no Java name are deployment errors. */
class KeyValidationTest {

    public record Order(String customerId) {
    }

    @Test
    void deploymentFailsNamingTheMethodTheTypeAndTheAccessor() {
        String message = Cdi.deploymentFailure(BadKeys.class);
        String bad = BadKeys.class.getName();
        assertThat(message)
                .contains(bad + "#missing").contains(Order.class.getName()).contains("customer()")
                .contains("getCustomer()").contains("field customer")
                .contains(bad + "#batched").contains("@Batch")
                .contains(bad + "#notAName").contains("not a Java name");
    }

    @ApplicationScoped
    static class BadKeys {
        void missing(@Subscribes(value = "orders", key = "customer") Order order) {
        }

        @Batch
        void batched(@Subscribes(value = "orders", key = "customerId") List<Order> orders) {
        }

        void notAName(@Subscribes(value = "orders", key = "customer-id") Order order) {
        }
    }
}
