package dev.signalbus.observability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.MDC;

import dev.signalbus.Batch;
import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * The application the observability tests of both front doors observe (metrics, tracing; Weld SE
 * in the extension, Quarkus in the deployment module through this test-jar): orders published by
 * {@link #order}, shipped (failing for {@code "bad"}) and chained to {@code shipped}, packed,
 * audited in batches of two; a subscriber of {@code held} that waits for {@link #RELEASE}; a
 * periodic task failing every other run.
 */
@ApplicationScoped
public class Shop {

    public static final String SHIP = Shop.class.getName() + "#ship";
    public static final String PACK = Shop.class.getName() + "#pack";
    public static final String AUDIT = Shop.class.getName() + "#audit";
    public static final String HOLD = Shop.class.getName() + "#hold";
    public static final String TICK = Shop.class.getName() + "#tick";

    /** Lets {@link #hold} return. */
    public static final CountDownLatch RELEASE = new CountDownLatch(1);
    /** Counted down when {@link #hold} has begun. */
    public static final CountDownLatch HELD = new CountDownLatch(1);
    static final AtomicInteger RUNS = new AtomicInteger();
    /** The MDC value {@code request} each delivery saw, keyed {@code "<subscriber> <order>"}; "null" for none. */
    public static final Map<String, String> MDC_SEEN = new ConcurrentHashMap<>();

    @Inject
    SignalBus bus;

    @Publishes("orders")
    public String order(String order) {
        return order;
    }

    void ship(@Subscribes("orders") String order) {
        if (order.equals("bad")) {
            throw new IllegalArgumentException("cannot ship " + order);
        }
        bus.publish("shipped", order);
    }

    void pack(@Subscribes("orders") String order) {
        MDC_SEEN.put("pack " + order, String.valueOf(MDC.get("request")));
    }

    void shipped(@Subscribes("shipped") String order) {
        MDC_SEEN.put("shipped " + order, String.valueOf(MDC.get("request")));
    }

    @Batch(maxSize = 2, maxWait = "2s")
    void audit(@Subscribes("orders") List<String> orders) {
    }

    void hold(@Subscribes("held") Integer signal) throws InterruptedException {
        HELD.countDown();
        RELEASE.await(30, TimeUnit.SECONDS);
    }

    @PeriodicTask(every = "100ms")
    void tick() {
        if (RUNS.incrementAndGet() % 2 == 0) {
            throw new IllegalStateException("every other run fails");
        }
    }
}
