package dev.signalbus.it.jee;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Subscribes;

/**
 * A subscriber of topic "narrow", whose queue holds one signal (microprofile-config.properties).
 * It waits at a gate until the endpoint opens it, so the queue fills and a publisher meets the
 * back-pressure of DESIGN.md: it waits {@code publish-timeout}, then gets an exception.
 */
@ApplicationScoped
class NarrowTopic {

    private volatile CountDownLatch gate = new CountDownLatch(0);

    void slow(@Subscribes("narrow") String signal, Deliveries deliveries) throws InterruptedException {
        // Bounded, so that a test gone wrong cannot hold a managed thread (or the drain) for long.
        gate.await(30, TimeUnit.SECONDS);
        deliveries.record("narrow-subscriber", signal);
    }

    void close() {
        gate = new CountDownLatch(1);
    }

    void open() {
        gate.countDown();
    }
}
