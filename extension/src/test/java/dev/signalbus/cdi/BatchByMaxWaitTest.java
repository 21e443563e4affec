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

/** A batch that does not fill up is delivered once its oldest signal has waited maxWait. */
class BatchByMaxWaitTest {

    static final List<List<String>> BATCHES = new CopyOnWriteArrayList<>();
    static volatile long deliveredAt;

    @Test
    void partialBatchIsDeliveredAfterMaxWait() {
        try (WeldContainer container = Cdi.boot(Store.class)) {
            SignalBus bus = container.select(SignalBus.class).get();
            long start = System.nanoTime();
            bus.publish("readings", "a");
            bus.publish("readings", "b");
            await().atMost(Duration.ofSeconds(10)).until(() -> BATCHES.size() == 1);
            assertThat(BATCHES.get(0)).containsExactly("a", "b");
            assertThat(Duration.ofNanos(deliveredAt - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @ApplicationScoped
    static class Store {
        @Batch(maxSize = 100, maxWait = "500ms")
        void store(@Subscribes("readings") List<String> readings) {
            deliveredAt = System.nanoTime();
            BATCHES.add(List.copyOf(readings));
        }
    }
}
