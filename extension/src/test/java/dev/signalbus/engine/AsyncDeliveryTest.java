package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalFailure;

/** A subscriber returning a {@code CompletionStage}: its delivery lasts until the stage completes. */
class AsyncDeliveryTest {

    private final TestBus bus = new TestBus(4);
    private final List<Object> invoked = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> results = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        bus.close();
    }

    private SignalBusEngine asyncSubscriber(int concurrency) {
        return bus.started(bus.builder()
                .subscriber(SubscriberSpec.of("t", "Async#on", String.class, concurrency, s -> {
                    invoked.add(s);
                    CompletableFuture<Void> result = new CompletableFuture<>();
                    results.add(result);
                    return result;
                })));
    }

    @Test
    void concurrencyOneHoldsTheNextSignalUntilTheStageCompletes() {
        SignalBusEngine engine = asyncSubscriber(1);

        engine.publish("t", "first");
        engine.publish("t", "second");

        await().atMost(Duration.ofSeconds(10)).until(() -> results.size() == 1);
        assertThat(engine.awaitIdle(Duration.ofMillis(200))).isFalse();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> invoked.size() == 1);

        results.get(0).complete(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> results.size() == 2);
        assertThat(invoked).containsExactly("first", "second");
        assertThat(engine.awaitIdle(Duration.ofMillis(200))).isFalse();
        assertThat(engine.delivered()).containsEntry("t -> Async#on", 1L);

        results.get(1).complete(null);
        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(engine.delivered()).containsEntry("t -> Async#on", 2L);
    }

    @Test
    void pendingStagesCountAgainstConcurrency() {
        SignalBusEngine engine = asyncSubscriber(2);

        for (int i = 0; i < 5; i++) {
            engine.publish("t", "s" + i);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> results.size() == 2);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> invoked.size() == 2);
        results.get(0).complete(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> results.size() == 3);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> invoked.size() == 3);
        // complete the rest as they come
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            results.forEach(r -> r.complete(null));
            return invoked.size() == 5;
        });
        results.forEach(r -> r.complete(null));

        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(engine.delivered()).containsEntry("t -> Async#on", 5L);
    }

    @Test
    void anExceptionallyCompletedStageIsAFailureWithItsCause() {
        SignalBusEngine engine = asyncSubscriber(1);

        engine.publish("t", "doomed");
        await().atMost(Duration.ofSeconds(10)).until(() -> results.size() == 1);
        IOException cause = new IOException("async boom");
        results.get(0).completeExceptionally(cause);

        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(bus.failures).containsExactly(new SignalFailure("t", "Async#on", "doomed", cause));
        assertThat(engine.failed()).containsEntry("t -> Async#on", 1L);
        assertThat(engine.delivered()).containsEntry("t -> Async#on", 0L);
    }

    @Test
    void anAlreadyFailedStageIsAFailureWithItsCause() {
        IOException cause = new IOException("failed at once");
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(SubscriberSpec.of("t", "Async#on", String.class, 1,
                        s -> CompletableFuture.failedFuture(cause))));

        engine.publish("t", "doomed");

        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(bus.failures).containsExactly(new SignalFailure("t", "Async#on", "doomed", cause));
    }
}
