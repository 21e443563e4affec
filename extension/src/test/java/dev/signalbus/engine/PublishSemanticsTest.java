package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@code publish} does with each kind of value, before start, without subscribers and after stop. */
class PublishSemanticsTest {

    private static final Duration IDLE = Duration.ofSeconds(10);

    private final TestBus bus = new TestBus(4);
    private final List<Object> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        bus.close();
    }

    private SignalBusEngine startedWithSubscriber() {
        return bus.started(bus.builder()
                .subscriber(SubscriberSpec.of("t", "Sub#on", String.class, 1, received::add)));
    }

    @Test
    void nullAndEmptyOptionalPublishNothing() {
        SignalBusEngine engine = startedWithSubscriber();

        engine.publish("t", null);
        engine.publish("t", Optional.empty());
        engine.publish("t", "marker");

        assertThat(engine.awaitIdle(IDLE)).isTrue();
        assertThat(received).containsExactly("marker");
        assertThat(engine.delivered()).containsEntry("t -> Sub#on", 1L);
        assertThat(bus.failures).isEmpty();
    }

    @Test
    void optionalPublishesItsValueNotTheOptional() {
        SignalBusEngine engine = startedWithSubscriber();

        engine.publish("t", Optional.of("value"));

        assertThat(engine.awaitIdle(IDLE)).isTrue();
        assertThat(received).containsExactly("value");
        assertThat(bus.failures).isEmpty();
    }

    @Test
    void completionStagePublishesItsValueWhenItCompletesNormally() {
        SignalBusEngine engine = startedWithSubscriber();
        CompletableFuture<String> result = new CompletableFuture<>();

        engine.publish("t", result);
        // the pending result keeps the bus busy: a drain must wait for it
        assertThat(engine.awaitIdle(Duration.ofMillis(200))).isFalse();
        assertThat(received).isEmpty();

        result.complete("later");
        assertThat(engine.awaitIdle(IDLE)).isTrue();
        assertThat(received).containsExactly("later");
    }

    @Test
    void completionStagePublishesNothingWhenItCompletesExceptionallyOrWithNull() {
        SignalBusEngine engine = startedWithSubscriber();
        CompletableFuture<String> failing = new CompletableFuture<>();
        CompletableFuture<String> empty = new CompletableFuture<>();
        CompletableFuture<Optional<String>> emptyOptional = new CompletableFuture<>();

        engine.publish("t", failing);
        engine.publish("t", empty);
        engine.publish("t", emptyOptional);
        engine.publish("t", CompletableFuture.failedFuture(new IOException("already failed")));
        failing.completeExceptionally(new IOException("boom"));
        empty.complete(null);
        emptyOptional.complete(Optional.empty());
        engine.publish("t", "marker");

        assertThat(engine.awaitIdle(IDLE)).isTrue();
        assertThat(received).containsExactly("marker");
        // the publisher's own failure is not a subscriber failure
        assertThat(bus.failures).isEmpty();
    }

    @Test
    void topicWithoutSubscriberAcceptsTheSignalAndCountsItAsUnrouted() {
        SignalBusEngine engine = startedWithSubscriber();

        engine.publish("nobody", "a");
        engine.publish("nobody", "b");
        engine.publish("nobody", Optional.of("c"));
        engine.publish("nobody", Optional.empty());
        engine.publish("t", "routed");

        assertThat(engine.awaitIdle(IDLE)).isTrue();
        assertThat(engine.unrouted("nobody")).isEqualTo(3);
        assertThat(engine.unrouted("t")).isZero();
        assertThat(received).containsExactly("routed");
    }

    @Test
    void signalsPublishedBeforeStartAreKeptAndDeliveredInOrderOnceStarted() {
        AtomicInteger tasks = new AtomicInteger();
        Executor counting = task -> {
            tasks.incrementAndGet();
            bus.executor.execute(task);
        };
        SignalBusEngine engine = SignalBusEngine.builder()
                .executor(counting)
                .subscriber(SubscriberSpec.of("t", "Sub#on", String.class, 1, received::add))
                .build();

        engine.publish("t", "one");
        engine.publish("t", "two");
        engine.publish("t", CompletableFuture.completedFuture("three"));
        // nothing is dispatched (no task, no thread) before the bus starts
        assertThat(tasks).hasValue(0);
        assertThat(received).isEmpty();

        engine.start();

        assertThat(engine.awaitIdle(IDLE)).isTrue();
        assertThat(received).containsExactly("one", "two", "three");
    }

    @Test
    void publishAfterShutdownThrowsIllegalStateExceptionSayingTheBusStopped() {
        SignalBusEngine engine = startedWithSubscriber();
        engine.publish("t", "before");
        assertThat(engine.shutdown().complete()).isTrue();
        assertThat(engine.isStopped()).isTrue();

        assertThatThrownBy(() -> engine.publish("t", "after"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopped")
                .hasMessageContaining("'t'");
        assertThatThrownBy(() -> engine.publish("nobody", "after"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopped");
        assertThatThrownBy(() -> engine.publish("t", new CompletableFuture<>()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopped");
        assertThat(received).containsExactly("before");
        assertThat(engine.unrouted("nobody")).isZero();
    }
}
