package dev.signalbus.behaviour.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Batch;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.DefinitionError;

/**
 * A key the signal type has no accessor for, a key with {@code @Batch}, and a key that is no Java name are definition
 * errors naming the method, the type and the accessors looked for.
 */
public class BadKeys extends DefinitionError {

    @Override
    public void check(String messages, String settingsPrefix) {
        String keyed = Keyed.class.getName();
        assertThat(messages)
                .contains(keyed + "#missing(Order) has @Subscribes(key = \"customer\"), but its signal type "
                        + Order.class.getName() + " has no public customer(), getCustomer(), isCustomer() or field "
                        + "customer")
                .contains(keyed + "#batched(List<Order>) has @Subscribes(key = \"customerId\") and @Batch")
                .contains(keyed + "#notAName(Order) has @Subscribes(key = \"customer-id\"), which is not a Java "
                        + "name");
    }

    public record Order(String customerId) {
    }

    @ApplicationScoped
    public static class Keyed {
        void missing(@Subscribes(value = "orders", key = "customer") Order order) {
        }

        @Batch
        void batched(@Subscribes(value = "orders", key = "customerId") List<Order> orders) {
        }

        void notAName(@Subscribes(value = "orders", key = "customer-id") Order order) {
        }
    }
}
