package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Batch;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * A batch is delivered as soon as it holds {@code maxSize} signals, in publish order; the rest waits (here
 * {@code maxWait} is an hour, set through a config expression), and the drain delivers it when the application stops.
 */
public class BatchBySize extends Behaviour {

    static List<List<String>> batches() {
        return Shared.get("batch-by-size.batches", CopyOnWriteArrayList::new);
    }

    @Override
    public Map<String, String> config() {
        return Map.of("store.max-wait", "1h");
    }

    @Override
    public void run(Container app) {
        SignalBus bus = app.select(SignalBus.class);
        for (String reading : List.of("a", "b", "c", "d", "e", "f", "g")) {
            bus.publish("readings", reading);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> batches().size() == 2);
        assertThat(batches()).containsExactly(List.of("a", "b", "c"), List.of("d", "e", "f"));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> batches().size() == 2);
    }

    @Override
    public void afterStop(String container) {
        try {
            assertThat(batches()).containsExactly(List.of("a", "b", "c"), List.of("d", "e", "f"), List.of("g"));
        } finally {
            Shared.clear("batch-by-size.");
        }
    }

    @ApplicationScoped
    public static class Store {
        @Batch(maxSize = 3, maxWait = "${store.max-wait}")
        void store(@Subscribes("readings") List<String> readings) {
            batches().add(List.copyOf(readings));
        }
    }
}
