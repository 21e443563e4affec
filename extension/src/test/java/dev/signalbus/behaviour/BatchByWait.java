package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Batch;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/** A batch that does not fill up is delivered once its oldest signal has waited {@code maxWait}. */
public class BatchByWait extends Behaviour {

    static final List<List<String>> BATCHES = new CopyOnWriteArrayList<>();
    static volatile long deliveredAt;

    @Override
    public void run(Container app) {
        SignalBus bus = app.select(SignalBus.class);
        long start = System.nanoTime();
        bus.publish("readings", "a");
        bus.publish("readings", "b");
        await().atMost(Duration.ofSeconds(10)).until(() -> BATCHES.size() == 1);
        assertThat(BATCHES.get(0)).containsExactly("a", "b");
        assertThat(Duration.ofNanos(deliveredAt - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @ApplicationScoped
    public static class Store {
        @Batch(maxSize = 100, maxWait = "500ms")
        void store(@Subscribes("readings") List<String> readings) {
            deliveredAt = System.nanoTime();
            BATCHES.add(List.copyOf(readings));
        }
    }
}
