package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalFailure;

/** Failures are reported once each, with topic, target and signal, and never break delivery. */
class FailureReportingTest {

    private static final Duration IDLE = Duration.ofSeconds(20);

    private final TestBus bus = new TestBus(4);

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void aTypeMismatchAtRunTimeIsASignalFailureNamingTopicAndTargetNotASilentClassCastException() {
        List<Object> received = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(SubscriberSpec.of("numbers", "com.acme.Sums#add", Integer.class, 1, s -> {
                    received.add((Integer) s);
                    return null;
                })));

        engine.publish("numbers", 1);
        engine.publish("numbers", "not a number");
        engine.publish("numbers", 2);

        assertThat(engine.awaitIdle(IDLE)).isTrue();
        assertThat(received).containsExactly(1, 2);
        assertThat(bus.failures).hasSize(1);
        SignalFailure failure = bus.failures.get(0);
        assertThat(failure.topic()).isEqualTo("numbers");
        assertThat(failure.target()).isEqualTo("com.acme.Sums#add");
        assertThat(failure.signal()).isEqualTo("not a number");
        assertThat(failure.failure()).isInstanceOf(ClassCastException.class)
                .hasMessageContaining("'numbers'")
                .hasMessageContaining("com.acme.Sums#add")
                .hasMessageContaining("java.lang.String")
                .hasMessageContaining("java.lang.Integer");
        assertThat(engine.failed()).containsEntry("numbers -> com.acme.Sums#add", 1L);
        assertThat(engine.delivered()).containsEntry("numbers -> com.acme.Sums#add", 2L);
    }

    @Test
    void everyFailureIsReportedExactlyOnceWithTopicTargetSignalAndTheThrownException() {
        int signals = 400;
        AtomicInteger calls = new AtomicInteger();
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(SubscriberSpec.of("t", "Sub#odd", Integer.class, 4, s -> {
                    calls.incrementAndGet();
                    if ((Integer) s % 2 == 1) {
                        throw new IOException("odd " + s); // a checked exception reaches the report as is
                    }
                    return null;
                })));

        for (int i = 0; i < signals; i++) {
            engine.publish("t", i);
        }

        assertThat(engine.awaitIdle(IDLE)).isTrue();
        assertThat(calls).hasValue(signals);
        assertThat(bus.failures).hasSize(signals / 2);
        assertThat(bus.failures).allSatisfy(f -> {
            assertThat(f.topic()).isEqualTo("t");
            assertThat(f.target()).isEqualTo("Sub#odd");
            assertThat(f.failure()).isInstanceOf(IOException.class).hasMessage("odd " + f.signal());
        });
        Set<Object> failedSignals = bus.failures.stream().map(SignalFailure::signal).collect(Collectors.toSet());
        assertThat(failedSignals).isEqualTo(IntStream.range(0, signals).filter(i -> i % 2 == 1).boxed()
                .collect(Collectors.toSet()));
        assertThat(engine.failed()).containsEntry("t -> Sub#odd", (long) signals / 2);
        assertThat(engine.delivered()).containsEntry("t -> Sub#odd", (long) signals / 2);
    }

    @Test
    void anObserverThatThrowsDoesNotBreakDelivery() {
        AtomicInteger observed = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        List<Object> healthy = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = bus.started(SignalBusEngine.builder()
                .executor(bus.executor)
                .failureHandler(f -> {
                    observed.incrementAndGet();
                    throw new IllegalStateException("observer broke");
                })
                .subscriber(SubscriberSpec.of("t", "Sub#fails", Integer.class, 1, s -> {
                    calls.incrementAndGet();
                    throw new IllegalArgumentException("subscriber broke");
                }))
                .subscriber(SubscriberSpec.of("t", "Sub#works", Integer.class, 1, healthy::add)));

        for (int i = 0; i < 50; i++) {
            engine.publish("t", i);
        }

        assertThat(engine.awaitIdle(IDLE)).isTrue();
        assertThat(calls).hasValue(50);
        assertThat(observed).hasValue(50);
        assertThat(healthy).hasSize(50);
        assertThat(engine.failed()).containsEntry("t -> Sub#fails", 50L);
        // and the bus still drains normally
        assertThat(engine.shutdown().complete()).isTrue();
    }

    @Test
    void aFailingBatchIsReportedOnceWithTheListAsItsSignal() {
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(new SubscriberSpec("t", "Sub#batch", String.class, 1, 3, Duration.ofMinutes(1), s -> {
                    throw new IllegalStateException("batch broke");
                })));

        engine.publish("t", "a");
        engine.publish("t", "b");
        engine.publish("t", "c");

        assertThat(engine.awaitIdle(IDLE)).isTrue();
        assertThat(bus.failures).hasSize(1);
        assertThat(bus.failures.get(0).signal()).isEqualTo(List.of("a", "b", "c"));
        assertThat(bus.failures.get(0).topic()).isEqualTo("t");
        assertThat(bus.failures.get(0).target()).isEqualTo("Sub#batch");
        assertThat(engine.failed()).containsEntry("t -> Sub#batch", 3L);
    }

    @Test
    void aBatchElementOfTheWrongTypeIsASignalFailureNotAClassCastExceptionInTheSubscriber() {
        List<Object> received = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(new SubscriberSpec("t", "Sub#batch", String.class, 1, 2, Duration.ofMinutes(1), s -> {
                    for (Object element : (List<?>) s) {
                        received.add((String) element);
                    }
                    return null;
                })));

        engine.publish("t", "a");
        engine.publish("t", 42);

        assertThat(engine.awaitIdle(IDLE)).isTrue();
        assertThat(received).isEmpty();
        assertThat(bus.failures).hasSize(1);
        assertThat(bus.failures.get(0).failure()).isInstanceOf(ClassCastException.class)
                .hasMessageContaining("'t'").hasMessageContaining("Sub#batch").hasMessageContaining("java.lang.Integer");
        assertThat(bus.failures.get(0).signal()).isEqualTo(List.of("a", 42));
    }
}
