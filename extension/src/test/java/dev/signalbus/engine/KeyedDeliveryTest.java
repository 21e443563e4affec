package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Per-key order: equal keys one at a time in publish order, different keys up to the concurrency
 * at once, a slow key holding back only its own signals, {@code null} a key of its own.
 */
class KeyedDeliveryTest {

    record Signal(Integer key, int seq) {
    }

    /** Checks every delivery: the key's previous signal came just before, and nothing else of it runs. */
    static final class Checker {
        final Map<Integer, AtomicInteger> running = new ConcurrentHashMap<>();
        final Map<Integer, Integer> last = new ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final AtomicInteger delivered = new AtomicInteger();
        final List<String> violations = new CopyOnWriteArrayList<>();

        void enter(Signal s) {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            int key = s.key() == null ? -1 : s.key();
            if (running.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() != 1) {
                violations.add("two signals of key " + key + " at once");
            }
            int previous = last.getOrDefault(key, -1);
            if (previous != s.seq() - 1) {
                violations.add("key " + key + ": " + s.seq() + " after " + previous);
            }
            last.put(key, s.seq());
        }

        void leave(Signal s) {
            running.get(s.key() == null ? -1 : s.key()).decrementAndGet();
            inFlight.decrementAndGet();
            delivered.incrementAndGet();
        }
    }

    private final TestBus bus = new TestBus(8);

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void aThousandKeysOfAHundredSignalsAtConcurrency8() {
        Checker checker = new Checker();
        SignalBusEngine engine = bus.started(bus.builder()
                .config(TestBus.config(Duration.ofSeconds(30), 100_000, Duration.ofSeconds(30)))
                .subscriber(SubscriberSpec.keyed("orders", "Orders#on", Signal.class, 8, s -> ((Signal) s).key(), s -> {
                    checker.enter((Signal) s);
                    Thread.onSpinWait();
                    checker.leave((Signal) s);
                    return null;
                })));
        for (int seq = 0; seq < 100; seq++) {
            for (int key = 0; key < 1000; key++) {
                engine.publish("orders", new Signal(key, seq));
            }
        }

        assertThat(engine.awaitIdle(Duration.ofSeconds(60))).isTrue();
        assertThat(checker.violations).isEmpty();
        assertThat(checker.delivered).hasValue(100_000);
        assertThat(checker.most.get()).isBetween(2, 8);
        assertThat(bus.failures).isEmpty();
    }

    @Test
    void aSlowKeyHoldsBackOnlyItsOwnSignals() {
        Checker checker = new Checker();
        CountDownLatch release = new CountDownLatch(1);
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(SubscriberSpec.keyed("orders", "Orders#on", Signal.class, 8, s -> ((Signal) s).key(), s -> {
                    Signal signal = (Signal) s;
                    checker.enter(signal);
                    if (signal.key() == 0) {
                        TestBus.await(release); // key 0 is slow: as slow as the test wants
                    }
                    checker.leave(signal);
                    return null;
                })));
        for (int seq = 0; seq < 100; seq++) {
            for (int key = 0; key < 8; key++) {
                engine.publish("orders", new Signal(key, seq));
            }
        }

        // keys 1..7 all arrive while key 0 is still on its first signal
        await().atMost(Duration.ofSeconds(30)).until(() -> checker.delivered.get() == 700);
        assertThat(checker.last.get(0)).isZero();
        release.countDown();
        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(checker.delivered).hasValue(800);
        assertThat(checker.violations).isEmpty();
    }

    @Test
    void anAsyncDeliveryHoldsItsKeyUntilItsResultCompletes() {
        Checker checker = new Checker();
        List<CompletableFuture<Void>> results = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(SubscriberSpec.keyed("orders", "Orders#on", Signal.class, 4, s -> ((Signal) s).key(), s -> {
                    Signal signal = (Signal) s;
                    checker.enter(signal);
                    CompletableFuture<Void> result = new CompletableFuture<>();
                    results.add(result);
                    return result.thenRun(() -> checker.leave(signal));
                })));
        for (int seq = 0; seq < 3; seq++) {
            engine.publish("orders", new Signal(1, seq));
        }
        engine.publish("orders", new Signal(2, 0));

        // the first of key 1 and the one of key 2 start; key 1's next waits for its first's result
        await().atMost(Duration.ofSeconds(30)).until(() -> results.size() == 2);
        assertThat(checker.last).containsEntry(1, 0).containsEntry(2, 0);
        for (int i = 0; i < 4; i++) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !results.isEmpty());
            results.remove(0).complete(null);
        }
        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(checker.violations).isEmpty();
        assertThat(checker.delivered).hasValue(4);
    }

    @Test
    void aSignalWhoseKeyCannotBeReadIsStillDeliveredAndReported() {
        List<Object> received = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(SubscriberSpec.keyed("orders", "Orders#on", Signal.class, 2, s -> {
                    if (((Signal) s).key() == 13) {
                        throw new IllegalStateException("unlucky key");
                    }
                    return ((Signal) s).key();
                }, received::add)));

        engine.publish("orders", new Signal(13, 0)); // the accessor throws: a lane of its own
        engine.publish("orders", "not a signal"); // another type: the key cannot be read either
        engine.publish("orders", new Signal(1, 0));

        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(received).containsExactlyInAnyOrder(new Signal(13, 0), new Signal(1, 0));
        assertThat(bus.failures).singleElement().satisfies(failure -> {
            assertThat(failure.signal()).isEqualTo("not a signal");
            assertThat(failure.failure()).isInstanceOf(ClassCastException.class);
        });
    }

    @Test
    void aNullKeyIsAKeyOfItsOwnAndTheDrainDeliversEveryKeyedSignalInOrder() {
        Checker checker = new Checker();
        SignalBusEngine engine = bus.started(bus.builder()
                .subscriber(SubscriberSpec.keyed("orders", "Orders#on", Signal.class, 4, s -> ((Signal) s).key(), s -> {
                    checker.enter((Signal) s);
                    checker.leave((Signal) s);
                    return null;
                })));
        for (int seq = 0; seq < 500; seq++) {
            engine.publish("orders", new Signal(null, seq));
            engine.publish("orders", new Signal(seq % 3, seq / 3));
        }

        DrainReport report = engine.shutdown();

        assertThat(report.complete()).isTrue();
        assertThat(checker.violations).isEmpty();
        assertThat(checker.delivered).hasValue(1000);
        assertThat(checker.last.get(-1)).isEqualTo(499);
    }
}
