package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * A subscriber that returns a {@code CompletionStage} is still delivering until the stage
 * completes: with concurrency 1 the next signal waits for it, and the bus is not idle.
 */
class AsyncSubscriberDeliveryTest {

    static final List<CompletableFuture<Void>> STARTED = new CopyOnWriteArrayList<>();
    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    @Test
    void deliveryEndsWhenTheStageCompletes() {
        try (WeldContainer container = Cdi.boot(Subscriber.class)) {
            SignalBus bus = container.select(SignalBus.class).get();
            bus.publish("uploads", "first");
            bus.publish("uploads", "second");
            await().atMost(Duration.ofSeconds(10)).until(() -> STARTED.size() == 1);
            assertThat(bus.awaitIdle(Duration.ofMillis(300))).isFalse();
            assertThat(RECEIVED).containsExactly("first");

            STARTED.get(0).complete(null);
            await().atMost(Duration.ofSeconds(10)).until(() -> STARTED.size() == 2);
            assertThat(RECEIVED).containsExactly("first", "second");
            STARTED.get(1).complete(null);
            assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }
    }

    @ApplicationScoped
    static class Subscriber {
        CompletionStage<Void> upload(@Subscribes("uploads") String file) {
            RECEIVED.add(file);
            CompletableFuture<Void> done = new CompletableFuture<>();
            STARTED.add(done);
            return done;
        }
    }
}
