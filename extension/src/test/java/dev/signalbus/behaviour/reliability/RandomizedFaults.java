package dev.signalbus.behaviour.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;

import dev.signalbus.Batch;
import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.SignalFailure;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.Behaviour;
import dev.signalbus.behaviour.Container;
import dev.signalbus.behaviour.Logs;
import dev.signalbus.behaviour.Shared;

/**
 * Reliability case 6: random faults, repeatable by seed (one scenario per seed: {@link RandomizedFaultsSeed1},
 * {@link RandomizedFaultsSeed42}, {@link RandomizedFaultsSeed20261126}). Topics r0 → r1 → r2; their subscribers throw,
 * sleep, publish further signals (a {@code @Publishes} method returning an {@code Optional}, a method publishing through
 * the injected {@link SignalBus}, an async {@code @Publishes} method whose {@link CompletionStage} fails or yields a
 * signal) or take batches; what each does with a signal is drawn from the seed. Two publishers feed r0 and the
 * application stops while they run; a third waits for the bus to be idle after each signal, so that the drain stops
 * the bus while it still publishes. At the end of each run: every subscriber got every signal accepted on its topic
 * exactly once, every failure it threw was fired as exactly one {@link SignalFailure} with its topic, target and
 * signal, no subscriber ran more deliveries at once than its concurrency or got a batch larger than its maximum, and
 * every refused publish was refused because the bus had stopped.
 * <p>
 * A failure names the seed; {@code -Dsignalbus.seed=<seed>} repeats that run (in each of the three scenarios),
 * {@code -Dsignalbus.random.signals=<n>} publishes another number into r0.
 */
public abstract class RandomizedFaults extends Behaviour {

    static final int SIGNALS = Integer.getInteger("signalbus.random.signals", 4_000);
    static final int PACED = 2_000;
    static final String KEY = "reliability.random.";

    static final String RELAY = Relay.class.getName() + "#pass";
    static final String FANOUT = Fanout.class.getName() + "#spread";
    static final String ASYNC = Async.class.getName() + "#handle";
    static final String BATCH = Batcher.class.getName() + "#collect";
    static final String SINK = Sinks.class.getName() + "#take";
    static final String SLOW_SINK = Sinks.class.getName() + "#slowly";
    static final Map<String, String> TOPIC_OF = Map.of(RELAY, "r0", FANOUT, "r0", ASYNC, "r1", BATCH, "r1", SINK,
            "r2", SLOW_SINK, "r2");
    static final Map<String, Integer> CONCURRENCY = Map.of(RELAY, 2, FANOUT, 1, ASYNC, 3, BATCH, 1, SINK, 1,
            SLOW_SINK, 4);

    /** The run the application's beans work for. */
    static volatile Run run;

    private final long seed;

    /** @param seed the seed of this scenario, unless {@code -Dsignalbus.seed} gives another */
    protected RandomizedFaults(long seed) {
        this.seed = Long.getLong("signalbus.seed", seed);
    }

    /** The scenario's own class, and this class and its beans. */
    @Override
    public Class<?>[] classes() {
        return Stream.concat(Stream.of(getClass(), RandomizedFaults.class),
                Arrays.stream(RandomizedFaults.class.getDeclaredClasses())).distinct().toArray(Class<?>[]::new);
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("shutdown-timeout", "2m", "publish-timeout", "2m", "queue-capacity", "500");
    }

    @Override
    public void run(Container app) throws Exception {
        Shared.clear(KEY);
        Run r = new Run(seed);
        run = r;
        r.times[0] = System.nanoTime();
        // about 2,000 failures thrown on purpose: their stack traces would dominate the run
        Shared.get(KEY + "quiet", () -> Logs.silence(Logs.ENGINE));
        int half = SIGNALS / 2;
        CountDownLatch halfway = new CountDownLatch(half / 2);
        List<CompletableFuture<Void>> publishers = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            Source source = app.select(Source.class);
            long first = (long) p * half;
            publishers.add(CompletableFuture.runAsync(() -> {
                for (long id = first; id < first + half; id++) {
                    try {
                        source.emit(new Token(id));
                    } catch (IllegalStateException e) {
                        r.refused.addAndGet(first + half - id);
                        if (!e.getMessage().contains("Signal Bus has stopped")) {
                            r.violations.add("refused for another reason than a stop: " + e);
                        }
                        return;
                    }
                    r.accepted.get("r0").add(id);
                    halfway.countDown();
                }
            }, runnable -> new Thread(runnable, "random-publisher-" + first).start()));
        }
        // bounded: a publisher that fails early would otherwise leave the build waiting
        if (!halfway.await(5, TimeUnit.MINUTES)) {
            // nothing after the stop will turn the engine's log on again
            Shared.<AutoCloseable> get(KEY + "quiet", () -> null).close();
            throw new AssertionError("seed " + seed + ": the publishers did not get halfway: " + r.violations);
        }
        // a third publisher waits for the bus to be idle after each signal, as a request-driven one would: the drain
        // finds such a moment once the others are done, stops the bus, and the rest of what this one publishes is
        // refused
        Source pacedSource = app.select(Source.class);
        SignalBus bus = app.select(SignalBus.class);
        publishers.add(CompletableFuture.runAsync(() -> {
            for (long id = SIGNALS; id < SIGNALS + PACED; id++) {
                try {
                    pacedSource.emit(new Token(id));
                } catch (IllegalStateException e) {
                    r.refused.addAndGet(SIGNALS + PACED - id);
                    // from the drain's end until the container is gone the bus says so; after that, Weld refuses
                    // the call into the discarded extension
                    if (!e.getMessage().contains("Signal Bus has stopped") && !e.getMessage().contains("WELD-")) {
                        r.violations.add("refused for another reason than a stop: " + e);
                    }
                    return;
                }
                r.accepted.get("r0").add(id);
                try {
                    bus.awaitIdle(Duration.ofMinutes(1));
                } catch (RuntimeException e) {
                    // the application is gone: the next publish is refused
                }
            }
        }, runnable -> new Thread(runnable, "random-publisher-paced").start()));
        CompletableFuture.allOf(publishers.toArray(new CompletableFuture<?>[0]))
                .whenComplete((ok, failure) -> r.done.complete(failure == null ? "" : failure.toString()));
        // returning stops the application while the publishers still publish
    }

    @Override
    public void afterStop(String container) throws Exception {
        Run r = new Run(seed);
        try {
            Shared.<AutoCloseable> get(KEY + "quiet", () -> null).close();
            assertThat(r.done.get(5, TimeUnit.MINUTES)).as("failure of the publishers").isEmpty();
            r.check();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("Randomized run failed with seed " + r.seed + " (repeat it with -Dsignalbus.seed="
                    + r.seed + "): " + e.getMessage(), e);
        } finally {
            run = null;
            Shared.clear(KEY);
        }
        Shared.print("6 randomized faults", container, r.summary(), r.times[0]);
    }

    /**
     * The state of one run: what was accepted on each topic, and what each subscriber saw and did; JDK objects kept in
     * {@link Shared}, so that the checks after the stop see what the application did.
     */
    static final class Run {
        final long seed;
        final Map<String, Set<Long>> accepted = shared("accepted", List.of("r0", "r1", "r2"),
                ConcurrentHashMap::newKeySet);
        final Map<String, Map<Long, AtomicInteger>> received = shared("received", TOPIC_OF.keySet(),
                ConcurrentHashMap::new);
        final Map<String, AtomicLong> thrown = shared("thrown", TOPIC_OF.keySet(), AtomicLong::new);
        final Map<String, AtomicLong> failureEvents = shared("failure-events", TOPIC_OF.keySet(), AtomicLong::new);
        final Map<String, AtomicInteger> inFlight = shared("in-flight", TOPIC_OF.keySet(), AtomicInteger::new);
        final Map<String, AtomicInteger> maxInFlight = shared("max-in-flight", TOPIC_OF.keySet(), AtomicInteger::new);
        final AtomicInteger largestBatch = Shared.get(KEY + "largest-batch", AtomicInteger::new);
        final ConcurrentLinkedQueue<String> violations = Shared.get(KEY + "violations", ConcurrentLinkedQueue::new);
        final AtomicLong refused = Shared.get(KEY + "refused", AtomicLong::new);
        /** Completed when the publishers are done: empty, or how they failed. */
        final CompletableFuture<String> done = Shared.get(KEY + "done", CompletableFuture::new);
        final long[] times = Shared.get(KEY + "times", () -> new long[1]);

        Run(long seed) {
            this.seed = seed;
        }

        private static <V> Map<String, V> shared(String name, Iterable<String> keys, Supplier<V> value) {
            return Shared.get(KEY + name, () -> {
                Map<String, V> map = new ConcurrentHashMap<>();
                keys.forEach(key -> map.put(key, value.get()));
                return map;
            });
        }

        /** A number in [0, 100) for this signal and this decision, the same in every run of the seed. */
        int roll(Token token, int decision) {
            return new SplittableRandom(seed * 1_000_003L + token.id() * 31 + decision).nextInt(100);
        }

        void check() {
            assertThat(violations).isEmpty();
            assertThat(accepted.get("r0").size() + refused.get()).isEqualTo(SIGNALS + PACED);
            assertThat(refused.get()).as("publishes refused after the stop").isPositive();
            for (String target : TOPIC_OF.keySet()) {
                Set<Long> expected = accepted.get(TOPIC_OF.get(target));
                Map<Long, AtomicInteger> got = received.get(target);
                assertThat(got.keySet()).as("signals received by %s", target).isEqualTo(expected);
                got.forEach((id, times) -> assertThat(times.get()).as("deliveries of %d to %s", id, target)
                        .isEqualTo(1));
                assertThat(failureEvents.get(target).get()).as("SignalFailure events of %s", target)
                        .isEqualTo(thrown.get(target).get());
                assertThat(maxInFlight.get(target).get()).as("most deliveries at once to %s", target)
                        .isLessThanOrEqualTo(CONCURRENCY.get(target));
            }
            assertThat(largestBatch.get()).isBetween(1, 16);
        }

        String summary() {
            long deliveries = received.values().stream().mapToLong(Map::size).sum();
            long failures = thrown.values().stream().mapToLong(AtomicLong::get).sum();
            return String.format("seed %d: %d accepted, %d refused after the stop; r1 %d, r2 %d signals; %d deliveries,"
                    + " %d failures", seed, accepted.get("r0").size(), refused.get(), accepted.get("r1").size(),
                    accepted.get("r2").size(), deliveries, failures);
        }

        /** Counts the delivery of {@code token} to {@code target}, and the deliveries to it at once, while it works. */
        <T> T deliver(String target, Token token, Supplier<T> work) {
            enter(target, token);
            begin(target);
            try {
                return work.get();
            } finally {
                end(target);
            }
        }

        void enter(String target, Token token) {
            received.get(target).computeIfAbsent(token.id(), id -> new AtomicInteger()).incrementAndGet();
        }

        void begin(String target) {
            int now = inFlight.get(target).incrementAndGet();
            maxInFlight.get(target).accumulateAndGet(now, Math::max);
        }

        void end(String target) {
            inFlight.get(target).decrementAndGet();
        }

        Fault fail(String target, Token token) {
            thrown.get(target).incrementAndGet();
            return new Fault(target, token);
        }

        static void sleep(int millis) {
            try {
                Thread.sleep(millis); // the fault under test: a slow subscriber
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public record Token(long id) {
        Token child(int slot) {
            return new Token(id * 8 + slot);
        }
    }

    public static final class Fault extends RuntimeException {
        final String target;

        Fault(String target, Token token) {
            super(target + " failed on " + token, null, false, false);
            this.target = target;
        }
    }

    @Dependent
    public static class Source {
        @Publishes("r0")
        Token emit(Token token) {
            return token;
        }
    }

    @ApplicationScoped
    public static class Relay {
        @Publishes("r1")
        Optional<Token> pass(@Subscribes(value = "r0", concurrency = 2) Token token) {
            Run r = run;
            return r.deliver(RELAY, token, () -> {
                int roll = r.roll(token, 1);
                if (roll < 10) {
                    throw r.fail(RELAY, token);
                }
                if (roll < 20) {
                    Run.sleep(roll % 3);
                }
                if (roll < 50) {
                    return Optional.empty();
                }
                Token child = token.child(1);
                r.accepted.get("r1").add(child.id()); // published when this method returns
                return Optional.of(child);
            });
        }
    }

    @ApplicationScoped
    public static class Fanout {
        void spread(@Subscribes("r0") Token token, SignalBus bus) {
            Run r = run;
            r.deliver(FANOUT, token, () -> {
                int roll = r.roll(token, 2);
                for (int slot = 2; slot < 2 + roll % 3; slot++) {
                    Token child = token.child(slot);
                    bus.publish("r1", child);
                    r.accepted.get("r1").add(child.id());
                }
                if (roll < 10) {
                    throw r.fail(FANOUT, token); // after publishing: what was published stays published
                }
                return null;
            });
        }
    }

    @ApplicationScoped
    public static class Async {
        @Publishes("r2")
        CompletionStage<Token> handle(@Subscribes(value = "r1", concurrency = 3) Token token) {
            Run r = run;
            return r.deliver(ASYNC, token, () -> {
                int roll = r.roll(token, 3);
                return CompletableFuture.supplyAsync(() -> {
                    if (roll < 10) {
                        throw r.fail(ASYNC, token);
                    }
                    if (roll < 30) {
                        Token child = token.child(4);
                        r.accepted.get("r2").add(child.id()); // published when the stage completes
                        return child;
                    }
                    return null; // publishes nothing
                });
            });
        }
    }

    @ApplicationScoped
    public static class Batcher {
        @Batch(maxSize = 16, maxWait = "20ms")
        void collect(@Subscribes("r1") List<Token> batch) {
            Run r = run;
            r.begin(BATCH);
            try {
                r.largestBatch.accumulateAndGet(batch.size(), Math::max);
                for (Token token : batch) {
                    r.enter(BATCH, token);
                }
                if (r.roll(batch.get(0), 4) < 10) {
                    throw r.fail(BATCH, batch.get(0));
                }
            } finally {
                r.end(BATCH);
            }
        }
    }

    @ApplicationScoped
    public static class Sinks {
        void take(@Subscribes("r2") Token token) {
            Run r = run;
            r.deliver(SINK, token, () -> {
                if (r.roll(token, 5) < 10) {
                    throw r.fail(SINK, token);
                }
                return null;
            });
        }

        void slowly(@Subscribes(value = "r2", concurrency = 4) Token token) {
            Run r = run;
            r.deliver(SLOW_SINK, token, () -> {
                int roll = r.roll(token, 6);
                if (roll < 20) {
                    Run.sleep(1 + roll % 2);
                }
                return null;
            });
        }
    }

    @Dependent
    public static class FailureObserver {
        void failed(@Observes SignalFailure failure) {
            Run r = run;
            AtomicLong events = failure.target() == null ? null : r.failureEvents.get(failure.target());
            boolean batch = BATCH.equals(failure.target());
            if (events == null || !TOPIC_OF.get(failure.target()).equals(failure.topic())
                    || !(failure.failure() instanceof Fault fault) || !fault.target.equals(failure.target())
                    || !(batch ? failure.signal() instanceof List<?> : failure.signal() instanceof Token)) {
                r.violations.add("unexpected " + failure);
                return;
            }
            events.incrementAndGet();
        }
    }
}
