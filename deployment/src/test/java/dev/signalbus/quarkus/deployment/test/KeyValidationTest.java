package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Batch;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/** A key the signal type has no accessor for, a key with @Batch, and a key that is no Java name fail the build. */
public class KeyValidationTest {

    public record Order(String customerId) {
    }

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(BadKeys.class, Order.class))
            .assertException(failure -> {
                String text = Messages.of(failure);
                String bad = BadKeys.class.getName();
                assertThat(text)
                        .contains(bad + "#missing").contains(Order.class.getName()).contains("customer()")
                        .contains("getCustomer()").contains("field customer")
                        .contains(bad + "#batched").contains("@Batch")
                        .contains(bad + "#notAName").contains("not a Java name");
            });

    @Test
    void buildFails() {
        // the assertion is on the build failure above
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
