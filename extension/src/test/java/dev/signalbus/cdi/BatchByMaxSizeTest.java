package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.Batch;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/** A batch is delivered as soon as it holds maxSize signals; the rest waits, and the drain delivers it. */
class BatchByMaxSizeTest {

    static final List<List<String>> BATCHES = new CopyOnWriteArrayList<>();

    @Test
    void fullBatchesGoAtOnceAndTheRemainderAtShutdown() {
        try (WeldContainer container = Cdi.boot(Store.class)) {
            SignalBus bus = container.select(SignalBus.class).get();
            for (String reading : List.of("a", "b", "c", "d", "e", "f", "g")) {
                bus.publish("readings", reading);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> BATCHES.size() == 2);
            assertThat(BATCHES).containsExactly(List.of("a", "b", "c"), List.of("d", "e", "f"));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> BATCHES.size() == 2);
        }
        assertThat(BATCHES).containsExactly(List.of("a", "b", "c"), List.of("d", "e", "f"), List.of("g"));
    }

    @ApplicationScoped
    static class Store {
        @Batch(maxSize = 3, maxWait = "1h")
        void store(@Subscribes("readings") List<String> readings) {
            BATCHES.add(List.copyOf(readings));
        }
    }
}
