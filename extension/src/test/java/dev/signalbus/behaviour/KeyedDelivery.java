package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * The per-key order behaviour, written once for both containers : 1,000 keys of 100 signals at concurrency 8, each customer's signals
 * published back to back (a subscriber without the key would reorder them), arrive per key in publish order, never
 * two of one key at once, at most 8 at once; keys are read from a record component, a getter (a boxed primitive) and
 * a public field. With {@code queue-capacity} 100000.
 */
public class KeyedDelivery extends Behaviour {

    @Override
    public Map<String, String> settings() {
        return Map.of("queue-capacity", "100000");
    }

    public record Order(String customerId, int seq) {
    }

    public static class Shipment {
        private final int depot;
        final int seq;

        public Shipment(int depot, int seq) {
            this.depot = depot;
            this.seq = seq;
        }

        public int getDepot() {
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

    /** Publishes the workload, waits for it, and checks every delivery. */
    @Override
    public void run(Container app) {
        SignalBus bus = app.select(SignalBus.class);
        Receivers receivers = app.select(Receivers.class);
        for (int customer = 0; customer < 1000; customer++) {
            for (int seq = 0; seq < 100; seq++) {
                bus.publish("orders", new Order("customer-" + customer, seq));
            }
        }
        for (int seq = 0; seq < 100; seq++) {
            bus.publish("shipments", new Shipment(seq % 2, seq / 2));
            bus.publish("parcels", new Parcel(seq % 2 == 0 ? null : 7, seq / 2));
        }

        assertThat(bus.awaitIdle(Duration.ofSeconds(120))).isTrue();
        assertThat(receivers.orders.violations).isEmpty();
        assertThat(receivers.orders.delivered).hasValue(100_000);
        assertThat(receivers.orders.most.get()).isBetween(2, 8);
        assertThat(receivers.shipments.violations).isEmpty();
        assertThat(receivers.shipments.delivered).hasValue(100);
        assertThat(receivers.parcels.violations).isEmpty();
        assertThat(receivers.parcels.delivered).hasValue(100);
    }

    /** Per key: the previous signal came just before, and no other of the key runs at once. */
    public static final class Ordering {
        final Map<Object, AtomicInteger> running = new ConcurrentHashMap<>();
        final Map<Object, Integer> last = new ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final AtomicInteger delivered = new AtomicInteger();
        final List<String> violations = new CopyOnWriteArrayList<>();

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
    }

    /** A singleton: the test reads its fields directly, not through a client proxy. */
    @Singleton
    public static class Receivers {
        final Ordering orders = new Ordering();
        final Ordering shipments = new Ordering();
        final Ordering parcels = new Ordering();

        void onOrder(@Subscribes(value = "orders", concurrency = 8, key = "customerId") Order order) {
            orders.deliver(order.customerId(), order.seq());
        }

        void onShipment(@Subscribes(value = "shipments", concurrency = 2, key = "depot") Shipment shipment) {
            shipments.deliver(shipment.getDepot(), shipment.seq);
        }

        void onParcel(@Subscribes(value = "parcels", concurrency = 2, key = "zone") Parcel parcel) {
            parcels.deliver(parcel.zone, parcel.seq);
        }
    }
}
