package dev.signalbus.it.jee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

/**
 * Example 4: a periodic task that is also a publisher, with two injected values; each run's
 * result goes to two subscribers.
 */
@ApplicationScoped
public class PeriodicSum {

    /** Runs every half second; its return value is published to topic "sum". */
    @PeriodicTask(every = "0.5s")
    @Publishes("sum")
    public Integer sum(@Named("a") Integer a, @Named("b") Integer b) {
        return a + b;
    }

    void sumSubscriber0(@Subscribes("sum") Integer sum, Deliveries deliveries) {
        deliveries.record("sum-subscriber-0", Integer.toString(sum));
    }

    void sumSubscriber1(@Subscribes("sum") Integer sum, Deliveries deliveries) {
        deliveries.record("sum-subscriber-1", Integer.toString(sum));
    }
}
