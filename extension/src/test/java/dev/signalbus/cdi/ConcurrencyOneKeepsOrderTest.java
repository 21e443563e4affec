package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/** With concurrency 1 (the default) a subscriber receives one signal at a time, in publish order. */
class ConcurrencyOneKeepsOrderTest {

    static final List<Integer> RECEIVED = new CopyOnWriteArrayList<>();
    static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    static final AtomicInteger MAX_IN_FLIGHT = new AtomicInteger();

    @Test
    void signalsArriveInPublishOrderOneAtATime() {
        try (WeldContainer container = Cdi.boot(Subscriber.class)) {
            SignalBus bus = container.select(SignalBus.class).get();
            for (int i = 0; i < 200; i++) {
                bus.publish("numbers", i);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVED.size() == 200);
            assertThat(RECEIVED).containsExactlyElementsOf(IntStream.range(0, 200).boxed().toList());
            assertThat(MAX_IN_FLIGHT).hasValue(1);
        }
    }

    @ApplicationScoped
    static class Subscriber {
        void receive(@Subscribes("numbers") Integer number) {
            MAX_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.incrementAndGet(), Math::max);
            RECEIVED.add(number);
            Thread.yield();
            IN_FLIGHT.decrementAndGet();
        }
    }
}
