package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * With concurrency 1 (the default) a subscriber receives one signal at a time, in publish order. The subscriber's class
 * has no scope annotation: Quarkus makes it a {@code @Singleton} bean, Weld SE (given the class) a {@code @Dependent}
 * one; its state is static, so both count.
 */
public class PublishOrder extends Behaviour {

    static final int SIGNALS = 500;
    static final List<Integer> RECEIVED = new CopyOnWriteArrayList<>();
    static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    static final AtomicInteger MAX_IN_FLIGHT = new AtomicInteger();

    @Override
    public void run(Container app) {
        SignalBus bus = app.select(SignalBus.class);
        for (int i = 0; i < SIGNALS; i++) {
            bus.publish("entries", i);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVED.size() == SIGNALS);
        assertThat(RECEIVED).containsExactlyElementsOf(IntStream.range(0, SIGNALS).boxed().toList());
        assertThat(MAX_IN_FLIGHT).hasValue(1);
    }

    public static class Ledger {
        void record(@Subscribes("entries") Integer entry) {
            MAX_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.incrementAndGet(), Math::max);
            RECEIVED.add(entry);
            Thread.yield();
            IN_FLIGHT.decrementAndGet();
        }
    }
}
