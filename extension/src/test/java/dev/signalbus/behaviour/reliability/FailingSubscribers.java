package dev.signalbus.behaviour.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.SignalFailure;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.Behaviour;
import dev.signalbus.behaviour.Container;
import dev.signalbus.behaviour.Logs;
import dev.signalbus.behaviour.Shared;

/**
 * Reliability case 2: three subscribers of one topic fail 10% of their deliveries, chosen by a seeded random per
 * (signal, subscriber): one throws (concurrency 1), one throws with concurrency 4, one returns a
 * {@link CompletionStage} that completes exceptionally. Every delivery either succeeds or fails: delivered + failed =
 * published × subscribers, the failures are exactly the predicted ones, and each is fired as exactly one
 * {@link SignalFailure} CDI event carrying its topic, target and signal. The observer dead-letters each failed signal
 * by publishing it to another topic, and the bus is idle only once those are delivered too.
 * <p>
 * {@code -Dsignalbus.seed=<seed>} repeats a run, {@code -Dsignalbus.failing.signals=<n>} publishes another number.
 */
public class FailingSubscribers extends Behaviour {

    static final int SIGNALS = Integer.getInteger("signalbus.failing.signals", 20_000);
    static final long SEED = Long.getLong("signalbus.seed", 20261126L);
    static final String[] TARGETS = { Workers.class.getName() + "#first", Workers.class.getName() + "#second",
            Workers.class.getName() + "#third" };
    static final Map<String, Integer> TARGET_INDEX = Map.of(TARGETS[0], 0, TARGETS[1], 1, TARGETS[2], 2);

    static final LongAdder DELIVERED = new LongAdder();
    static final LongAdder DEAD_LETTERS = new LongAdder();
    /** Failure events per subscriber and signal. */
    static final AtomicIntegerArray[] FAILURE_EVENTS = { new AtomicIntegerArray(SIGNALS),
            new AtomicIntegerArray(SIGNALS), new AtomicIntegerArray(SIGNALS) };
    static final ConcurrentLinkedQueue<String> WRONG_EVENTS = new ConcurrentLinkedQueue<>();

    /** Whether subscriber {@code index} fails signal {@code id}: 10% of them, the same in every run of a seed. */
    static boolean fails(int index, int id) {
        return new SplittableRandom(SEED * 31 + id * 3L + index).nextInt(10) == 0;
    }

    @Override
    public void run(Container app) {
        long start = System.nanoTime();
        // thousands of deliberate failures: their stack traces would dominate the run
        try (Logs quiet = Logs.silence(Logs.ENGINE)) {
            Jobs jobs = app.select(Jobs.class);
            for (int id = 0; id < SIGNALS; id++) {
                jobs.submit(id);
            }
            assertThat(app.select(SignalBus.class).awaitIdle(Duration.ofMinutes(2))).isTrue();
        }
        long expectedFailures = 0;
        long failureEvents = 0;
        for (int index = 0; index < TARGETS.length; index++) {
            for (int id = 0; id < SIGNALS; id++) {
                int expected = fails(index, id) ? 1 : 0;
                int fired = FAILURE_EVENTS[index].get(id);
                if (fired != expected) {
                    assertThat(fired).as("seed %d: SignalFailure events of %s for signal %d", SEED, TARGETS[index], id)
                            .isEqualTo(expected);
                }
                expectedFailures += expected;
                failureEvents += fired;
            }
        }
        assertThat(WRONG_EVENTS).as("seed %d: events with a wrong topic, target or signal", SEED).isEmpty();
        assertThat(DELIVERED.sum() + failureEvents).as("seed %d: delivered + failed", SEED)
                .isEqualTo((long) SIGNALS * TARGETS.length);
        assertThat(failureEvents).isEqualTo(expectedFailures);
        assertThat(DEAD_LETTERS.sum()).isEqualTo(failureEvents);
        Shared.print("2 failing subscribers", app.name(), String.format("seed %d: %d published x 3 subscribers = %d"
                + " delivered + %d failed (%d SignalFailure events, %d dead letters)", SEED, SIGNALS, DELIVERED.sum(),
                expectedFailures, failureEvents, DEAD_LETTERS.sum()), start);
    }

    @ApplicationScoped
    public static class Jobs {
        @Publishes("jobs")
        Integer submit(int id) {
            return id;
        }
    }

    @ApplicationScoped
    public static class Workers {
        void first(@Subscribes("jobs") Integer id) {
            work(0, id);
        }

        void second(@Subscribes(value = "jobs", concurrency = 4) Integer id) {
            work(1, id);
        }

        CompletionStage<Void> third(@Subscribes(value = "jobs", concurrency = 2) Integer id) {
            // the failure arrives later, on another thread: the delivery ends when the stage completes
            return CompletableFuture.runAsync(() -> work(2, id));
        }

        private static void work(int index, int id) {
            if (fails(index, id)) {
                throw new JobFailed(index, id);
            }
            DELIVERED.increment();
        }
    }

    @Dependent
    public static class FailureCounter {
        @Inject
        SignalBus bus;

        void failed(@Observes SignalFailure failure) {
            Integer index = failure.target() == null ? null : TARGET_INDEX.get(failure.target());
            if (index == null || !"jobs".equals(failure.topic()) || !(failure.signal() instanceof Integer id)
                    || !(failure.failure() instanceof JobFailed job) || job.index != index || job.id != id) {
                WRONG_EVENTS.add(String.valueOf(failure));
                return;
            }
            FAILURE_EVENTS[index].incrementAndGet(id);
            bus.publish("dead-letters", failure);
        }
    }

    @ApplicationScoped
    public static class DeadLetters {
        void store(@Subscribes("dead-letters") SignalFailure failure) {
            DEAD_LETTERS.increment();
        }
    }

    public static final class JobFailed extends RuntimeException {
        final int index;
        final int id;

        JobFailed(int index, int id) {
            super("job " + id + " failed in subscriber " + index, null, false, false);
            this.index = index;
            this.id = id;
        }
    }
}
