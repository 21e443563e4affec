package dev.signalbus.it.weld.bench;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import dev.signalbus.it.weld.Order;

/**
 * Through the bridge: topic {@code bench} goes out to Kafka ({@code signal-bus.topics."bench".outgoing}) and comes
 * back from it ({@code .incoming}), so that {@link #send} reaches {@link #count} only through the broker, read into
 * an {@link Order} by the bridge.
 */
@ApplicationScoped
public class BridgeBench extends Bench {

    @Override
    @Publishes("bench")
    public Order send(long id) {
        return new Order(id, "bench");
    }

    void count(@Subscribes("bench") Order order) {
        received(order);
    }

    @Override
    String mode() {
        return "bridge";
    }
}
