package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/** A publisher's exception reaches its caller unchanged and publishes nothing. */
public class PublisherExceptionReachesCaller extends Behaviour {

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    static final IllegalArgumentException FAILURE = new IllegalArgumentException("bad order");

    @Override
    public void run(Container app) {
        Orders orders = app.select(Orders.class);
        assertThatThrownBy(() -> orders.place("book")).isSameAs(FAILURE);
        assertThat(app.select(SignalBus.class).awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(RECEIVED).isEmpty();
    }

    @ApplicationScoped
    public static class Orders {
        @Publishes("orders")
        String place(String item) {
            throw FAILURE;
        }
    }

    @ApplicationScoped
    public static class Subscriber {
        void receive(@Subscribes("orders") String order) {
            RECEIVED.add(order);
        }
    }
}
