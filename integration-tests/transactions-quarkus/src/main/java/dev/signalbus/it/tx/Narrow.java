package dev.signalbus.it.tx;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;

import dev.signalbus.SignalFailure;
import dev.signalbus.Subscribes;

/** A subscriber of topic "narrow" (queue capacity 1) that holds its first signal until released. */
@Singleton
public class Narrow {

    final CountDownLatch holding = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<SignalFailure> failures = new CopyOnWriteArrayList<>();

    void receive(@Subscribes("narrow") String signal) throws InterruptedException {
        holding.countDown();
        release.await(60, TimeUnit.SECONDS);
        received.add(signal);
    }

    void failed(@Observes SignalFailure failure) {
        failures.add(failure);
    }
}
