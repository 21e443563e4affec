package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Batch;
import dev.signalbus.Subscribes;

/**
 * Key validation, written once for both containers: a key the signal type has no accessor for, a key with
 * {@code @Batch}, and a key that is no Java name are definition errors naming the method, the type and the accessors
 * looked for. Deploy {@link #CLASSES} and pass the failure's text to {@link #check}.
 */
@ApplicationScoped
public class BadKeys {

    public static final Class<?>[] CLASSES = { BadKeys.class, Order.class };

    public record Order(String customerId) {
    }

    public static void check(String failure) {
        String bad = BadKeys.class.getName();
        assertThat(failure)
                .contains(bad + "#missing").contains(Order.class.getName()).contains("customer()")
                .contains("getCustomer()").contains("field customer")
                .contains(bad + "#batched").contains("@Batch")
                .contains(bad + "#notAName").contains("not a Java name");
    }

    void missing(@Subscribes(value = "orders", key = "customer") Order order) {
    }

    @Batch
    void batched(@Subscribes(value = "orders", key = "customerId") List<Order> orders) {
    }

    void notAName(@Subscribes(value = "orders", key = "customer-id") Order order) {
    }
}
