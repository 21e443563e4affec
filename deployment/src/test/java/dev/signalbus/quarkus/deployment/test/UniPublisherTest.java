package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/** A {@code Uni} returned by a publisher publishes its item when it emits, i.e. once the caller subscribes. */
public class UniPublisherTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Orders.class, Audit.class));

    @Inject
    Orders orders;

    @Inject
    Audit audit;

    @Inject
    SignalBus bus;

    @Test
    void itemIsPublishedWhenTheUniEmits() {
        Uni<String> placed = orders.place("book");
        assertThat(bus.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(audit.seen()).as("nothing is published before the Uni is subscribed to").isEmpty();

        assertThat(placed.await().atMost(Duration.ofSeconds(5))).isEqualTo("order:book");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit.seen()).containsExactly("order:book"));

        orders.fail().onFailure().recoverWithNull().await().atMost(Duration.ofSeconds(5));
        assertThat(bus.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(audit.seen()).as("a failed Uni publishes nothing").containsExactly("order:book");
    }

    @ApplicationScoped
    static class Orders {
        @Publishes("orders")
        Uni<String> place(String item) {
            return Uni.createFrom().item(() -> "order:" + item);
        }

        @Publishes("orders")
        Uni<String> fail() {
            return Uni.createFrom().failure(new IllegalStateException("out of stock"));
        }
    }

    @ApplicationScoped
    static class Audit {
        private final List<String> seen = new CopyOnWriteArrayList<>();

        void onOrder(@Subscribes("orders") String order) {
            seen.add(order);
        }

        List<String> seen() {
            return seen;
        }
    }
}
