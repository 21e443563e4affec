package dev.signalbus.it.jee;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.PeriodicTask;

/** Example 3: a periodic task, every half second while the application is deployed. */
@ApplicationScoped
class Ticker {

    private final AtomicInteger runs = new AtomicInteger();

    @PeriodicTask(every = "0.5s")
    void tick(Deliveries deliveries) {
        deliveries.record("ticker", "tick-" + runs.incrementAndGet());
    }
}
