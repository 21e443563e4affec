package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Queue capacities from 1 to the largest accepted one work at either concurrency; beyond it, a clear error. */
class QueueCapacityTest {

    private final TestBus bus = new TestBus(2);

    @AfterEach
    void close() {
        bus.close();
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = { 1, 2, 3, 127, 128, 129, 10_000, BusConfig.MAX_QUEUE_CAPACITY })
    void everyCapacityDeliversInOrderAtConcurrencyOneAndAllAtTwo(int capacity) {
        List<Integer> ordered = new CopyOnWriteArrayList<>();
        List<Integer> pair = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = bus.started(bus.builder()
                .config(TestBus.config(Duration.ofSeconds(10), capacity, Duration.ofSeconds(30)))
                .subscriber(SubscriberSpec.of("t", "One#on", Integer.class, 1, s -> ordered.add((Integer) s)))
                .subscriber(SubscriberSpec.of("t", "Two#on", Integer.class, 2, s -> pair.add((Integer) s))));
        int signals = 1_000; // past a chunk of the single-consumer queue, and past the capacity of the small ones
        for (int i = 0; i < signals; i++) {
            engine.publish("t", i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ordered.size() == signals && pair.size() == signals);
        assertThat(ordered).isSorted().doesNotHaveDuplicates();
        assertThat(pair).doesNotHaveDuplicates();
        assertThat(engine.shutdown().complete()).isTrue();
    }

    @Test
    void aCapacityAboveTheLargestIsAConfigurationProblemNamingKeyAndRange() {
        BusConfig config = new BusConfig(Duration.ofSeconds(1), BusConfig.MAX_QUEUE_CAPACITY + 1, Duration.ofSeconds(1),
                Map.of("orders", Integer.MAX_VALUE));
        assertThat(config.problems("signal-bus.")).containsExactly(
                "Invalid Signal Bus configuration: signal-bus.queue-capacity = 1073741825, expected a positive number up to 1073741824",
                "Invalid Signal Bus configuration: signal-bus.topics.\"orders\".queue-capacity = 2147483647, expected a positive"
                        + " number up to 1073741824");
    }
}
