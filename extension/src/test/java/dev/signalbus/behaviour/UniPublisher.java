package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import io.smallrye.mutiny.Uni;

/**
 * A Mutiny {@code Uni} returned by a {@code @Publishes} method is returned as a {@code Uni} that publishes its item
 * when it emits: nothing is published until the caller subscribes; then its item is, once per subscription that
 * emits; a {@code null} item or a failure publishes nothing. (On the portable extension it once published the
 * {@code Uni} itself, which every subscriber refused.)
 */
public class UniPublisher extends Behaviour {

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    @Override
    public void run(Container app) {
        Orders orders = app.select(Orders.class);
        SignalBus bus = app.select(SignalBus.class);
        Uni<String> placed = orders.place("book");
        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(RECEIVED).as("nothing before the subscription").isEmpty();
        assertThat(placed.await().atMost(Duration.ofSeconds(10))).isEqualTo("order:book");
        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(RECEIVED).containsExactly("order:book");

        assertThat(placed.await().atMost(Duration.ofSeconds(10))).as("a second subscription").isEqualTo("order:book");
        orders.place(null).await().atMost(Duration.ofSeconds(10));
        orders.fail().onFailure().recoverWithNull().await().atMost(Duration.ofSeconds(10));
        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(RECEIVED).as("once per subscription that emits an item").containsExactly("order:book", "order:book");
    }

    @ApplicationScoped
    public static class Orders {
        @Publishes("orders")
        Uni<String> place(String item) {
            return Uni.createFrom().item(() -> item == null ? null : "order:" + item);
        }

        @Publishes("orders")
        Uni<String> fail() {
            return Uni.createFrom().failure(new IllegalStateException("out of stock"));
        }
    }

    @ApplicationScoped
    public static class Audit {
        void onOrder(@Subscribes("orders") String order) {
            RECEIVED.add(order);
        }
    }
}
