package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FanOutTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void everySubscriberOfATopicReceivesEverySignalInPublishOrder() {
        List<Object> first = new CopyOnWriteArrayList<>();
        List<Object> second = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = SignalBusEngine.builder()
                .executor(executor)
                .subscriber(SubscriberSpec.of("t", "A#a", Integer.class, 1, s -> first.add(s)))
                .subscriber(SubscriberSpec.of("t", "B#b", Integer.class, 1, s -> second.add(s)))
                .build();
        engine.publish("t", 0); // before start: kept
        engine.start();
        for (int i = 1; i < 10_000; i++) {
            engine.publish("t", i);
        }
        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        List<Integer> expected = java.util.stream.IntStream.range(0, 10_000).boxed().toList();
        assertThat(first).isEqualTo(expected);
        assertThat(second).isEqualTo(expected);
        assertThat(engine.shutdown().complete()).isTrue();
    }
}
