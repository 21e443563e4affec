package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * {@code @Subscribes(key = ...)} on Weld SE: 1,000 keys of 100 signals each at concurrency 8 arrive per key in publish
 * order, never two of one key at once, at most 8 at once; the key is read from a record component, a getter or a
 * public field.
 */
class KeyedSubscriberTest {

    public record Order(String customerId, int seq) {
    }

    public static class Shipment {
        private final String depot;
        private final int seq;

        public Shipment(String depot, int seq) {
            this.depot = depot;
            this.seq = seq;
        }

        public String getDepot() {
            return depot;
        }
    }

    public static class Parcel {
        public final Integer zone;
        public final int seq;

        public Parcel(Integer zone, int seq) {
            this.zone = zone;
            this.seq = seq;
        }
    }

    @Test
    void perKeyInPublishOrderAndParallelAcrossKeys() {
        try (WeldContainer container = Cdi.boot(Map.of("signal-bus.queue-capacity", "100000"), Receivers.class)) {
            SignalBus bus = container.select(SignalBus.class).get();
            Receivers receivers = container.select(Receivers.class).get();
            // each customer's orders one after the other: without the key, 8 deliveries at once would reorder them
            for (int customer = 0; customer < 1000; customer++) {
                for (int seq = 0; seq < 100; seq++) {
                    bus.publish("orders", new Order("customer-" + customer, seq));
                }
            }
            for (int seq = 0; seq < 100; seq++) {
                bus.publish("shipments", new Shipment(seq % 2 == 0 ? "north" : "south", seq / 2));
                bus.publish("parcels", new Parcel(seq % 2 == 0 ? null : 7, seq / 2));
            }

            assertThat(bus.awaitIdle(Duration.ofSeconds(120))).isTrue();
            Ordering orders = receivers.orders();
            assertThat(orders.violations()).isEmpty();
            assertThat(orders.delivered()).isEqualTo(100_000);
            assertThat(orders.most()).isBetween(2, 8);
            assertThat(receivers.shipments().violations()).isEmpty();
            assertThat(receivers.shipments().delivered()).isEqualTo(100);
            assertThat(receivers.parcels().violations()).isEmpty();
            assertThat(receivers.parcels().delivered()).isEqualTo(100);
        }
    }

    /** Per key: the previous signal came just before, and no other of the key runs at once. */
    static final class Ordering {
        private final Map<Object, AtomicInteger> running = new ConcurrentHashMap<>();
        private final Map<Object, Integer> last = new ConcurrentHashMap<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();
        private final AtomicInteger delivered = new AtomicInteger();
        private final List<String> violations = new CopyOnWriteArrayList<>();

        void deliver(Object key, int seq) {
            Object k = key == null ? "null" : key;
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            if (running.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet() != 1) {
                violations.add("two signals of key " + k + " at once");
            }
            int previous = last.getOrDefault(k, -1);
            if (previous != seq - 1) {
                violations.add("key " + k + ": " + seq + " after " + previous);
            }
            last.put(k, seq);
            Thread.onSpinWait();
            running.get(k).decrementAndGet();
            inFlight.decrementAndGet();
            delivered.incrementAndGet();
        }

        List<String> violations() {
            return violations;
        }

        int delivered() {
            return delivered.get();
        }

        int most() {
            return most.get();
        }
    }

    @ApplicationScoped
    static class Receivers {
        private final Ordering orders = new Ordering();
        private final Ordering shipments = new Ordering();
        private final Ordering parcels = new Ordering();

        @Inject
        SignalBus bus;

        void onOrder(@Subscribes(value = "orders", concurrency = 8, key = "customerId") Order order) {
            orders.deliver(order.customerId(), order.seq());
        }

        void onShipment(@Subscribes(value = "shipments", concurrency = 2, key = "depot") Shipment shipment) {
            shipments.deliver(shipment.getDepot(), shipment.seq);
        }

        void onParcel(@Subscribes(value = "parcels", concurrency = 2, key = "zone") Parcel parcel) {
            parcels.deliver(parcel.zone, parcel.seq);
        }

        Ordering orders() {
            return orders;
        }

        Ordering shipments() {
            return shipments;
        }

        Ordering parcels() {
            return parcels;
        }
    }
}
