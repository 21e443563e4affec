package dev.signalbus.behaviour.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.Behaviour;
import dev.signalbus.behaviour.Container;
import dev.signalbus.behaviour.Shared;

/**
 * Reliability case 1: signals through a chain of topics A → B → C, two subscribers on each, the subscribers of A and
 * B republishing through {@code @Publishes}; the application stops (and the bus drains) while the publishers are still
 * publishing: {@link #run} returns under them. Every signal accepted before the bus stopped reaches every stage
 * (2 deliveries on A, 4 on B, 8 on C, checked per signal on C), no refused one arrives, and every publish after the
 * bus stopped throws {@link IllegalStateException}.
 * <p>
 * 1,000,000 signals by default; {@code -Dsignalbus.chain.signals=<n>} runs another size.
 */
public class ChainDrain extends Behaviour {

    static final int SIGNALS = Integer.getInteger("signalbus.chain.signals", 1_000_000);
    static final int PUBLISHERS = 2;
    /** Signals of the publisher that waits for the bus to be idle after each. */
    static final int PACED = 2_000;
    static final String KEY = "reliability.chain.";
    /** Indexes into {@link State#counts}. */
    static final int ACCEPTED = 0, REFUSED = 1, PACED_REFUSED = 2;
    /** How the bus refuses after its drain; after that, on Weld SE, Weld refuses the call into the gone container. */
    static final String REFUSAL = "java.lang.IllegalStateException: (?s).*(Signal Bus has stopped.*'A'|WELD-000229).*";

    static volatile State current;

    @Override
    public Map<String, String> settings() {
        return Map.of(
                // the drain must outlast the publishers; a timed-out drain would fail the counts
                "shutdown-timeout", "5m",
                // publishers outpace the chain and wait for room: back-pressure, not a failure
                "publish-timeout", "5m");
    }

    @Override
    public void run(Container app) throws InterruptedException {
        Shared.clear(KEY);
        State state = new State();
        current = state;
        state.times[0] = System.nanoTime();
        CountDownLatch halfway = new CountDownLatch(SIGNALS / 2);
        List<CompletableFuture<Void>> publishers = new ArrayList<>();
        int quota = SIGNALS / PUBLISHERS;
        for (int p = 0; p < PUBLISHERS; p++) {
            int first = p * quota;
            Source source = state.held(app.select(Source.class));
            publishers.add(CompletableFuture.runAsync(() -> publish(state, source, first, quota, halfway, null),
                    runnable -> new Thread(runnable, "chain-publisher-" + first).start()));
        }
        // bounded: a publisher that fails early would otherwise leave the build waiting
        assertThat(halfway.await(5, TimeUnit.MINUTES)).as("the publishers got halfway").isTrue();
        // one more publisher waits for the bus to be idle after each signal, as a request-driven one would: the drain
        // finds such a moment once the others are done and stops the bus while this one still publishes
        Source paced = state.held(app.select(Source.class));
        SignalBus bus = app.select(SignalBus.class);
        publishers.add(CompletableFuture.runAsync(() -> publish(state, paced, SIGNALS, PACED, null, bus),
                runnable -> new Thread(runnable, "chain-publisher-paced").start()));
        CompletableFuture.allOf(publishers.toArray(new CompletableFuture<?>[0]))
                .whenComplete((ok, failure) -> state.done.complete(failure == null ? "" : failure.toString()));
        state.times[1] = System.nanoTime(); // returning stops the application, and the bus drains, under them
    }

    /** Publishes its ids in order until done or refused because the bus stopped. */
    private static void publish(State state, Source source, int first, int quota, CountDownLatch halfway,
            SignalBus paceWith) {
        for (int id = first; id < first + quota; id++) {
            try {
                source.emit(id);
            } catch (RuntimeException e) {
                // the rest of the quota would be refused too
                state.counts.addAndGet(REFUSED, first + quota - id);
                state.counts.addAndGet(PACED_REFUSED, paceWith != null ? 1 : 0);
                state.refusals.add(e.getClass().getName() + ": " + e.getMessage());
                return;
            }
            state.perSignal.incrementAndGet(id);
            state.counts.incrementAndGet(ACCEPTED);
            if (halfway != null) {
                halfway.countDown();
            }
            if (paceWith != null) {
                try {
                    paceWith.awaitIdle(Duration.ofMinutes(1));
                } catch (RuntimeException e) {
                    // the application is gone: the next publish is refused
                }
            }
        }
    }

    @Override
    public void afterStop(String container) throws Exception {
        try {
            State state = new State();
            Duration stopTook = Duration.ofNanos(System.nanoTime() - state.times[1]);
            assertThat(state.done.get(5, TimeUnit.MINUTES)).as("failure of the publishers").isEmpty();
            long accepted = state.counts.get(ACCEPTED);
            long refused = state.counts.get(REFUSED);
            assertThat(accepted + refused).isEqualTo(SIGNALS + PACED);
            assertThat(accepted).isGreaterThanOrEqualTo(SIGNALS / 2);
            assertThat(state.counts.get(PACED_REFUSED)).as("a publish refused after the drain stopped the bus")
                    .isEqualTo(1);
            assertThat(state.refusals).allSatisfy(refusal -> assertThat(refusal).matches(REFUSAL));
            // every publish after the bus stopped throws, the one a publisher makes after the stop included
            assertThat(state.latePublishes).hasSize(PUBLISHERS + 1).allSatisfy(late -> assertThatThrownBy(late::run)
                    .isInstanceOf(IllegalStateException.class));
            assertThat(state.a.sum()).isEqualTo(2 * accepted);
            assertThat(state.b.sum()).isEqualTo(4 * accepted);
            assertThat(state.c.sum()).isEqualTo(8 * accepted);
            for (int id = 0; id < SIGNALS + PACED; id++) {
                int seen = state.perSignal.get(id);
                if (seen != 0 && seen != 9) {
                    assertThat(seen).as("signal %d: accepted (1) + deliveries on C (8), or refused (0)", id)
                            .isEqualTo(9);
                }
            }
            Shared.print("1 chain A->B->C x2", container, String.format("%d signals accepted, %d refused after the"
                    + " stop, %d deliveries; stop with drain %d ms", accepted, refused, state.a.sum()
                    + state.b.sum() + state.c.sum(), stopTook.toMillis()), state.times[0]);
        } finally {
            current = null;
            Shared.clear(KEY);
        }
    }

    /** What the application and the checks after its stop share (on Quarkus from two class loaders). */
    static final class State {
        final AtomicLongArray counts = Shared.get(KEY + "counts", () -> new AtomicLongArray(3));
        /** Deliveries on A, B and C. */
        final LongAdder a = Shared.get(KEY + "a", LongAdder::new);
        final LongAdder b = Shared.get(KEY + "b", LongAdder::new);
        final LongAdder c = Shared.get(KEY + "c", LongAdder::new);
        /** Per signal id: 1 when its publish returned, + 1 per delivery on C. */
        final AtomicIntegerArray perSignal = Shared.get(KEY + "per-signal",
                () -> new AtomicIntegerArray(SIGNALS + PACED));
        final ConcurrentLinkedQueue<String> refusals = Shared.get(KEY + "refusals", ConcurrentLinkedQueue::new);
        /** A publish through each publisher's bean, for the checks to try after the stop. */
        final List<Runnable> latePublishes = Shared.get(KEY + "late-publishes", CopyOnWriteArrayList::new);
        /** Completed when the publishers are done: empty, or how they failed. */
        final CompletableFuture<String> done = Shared.get(KEY + "done", CompletableFuture::new);
        /** When the case started, when the application began to stop. */
        final long[] times = Shared.get(KEY + "times", () -> new long[2]);

        Source held(Source source) {
            latePublishes.add(() -> source.emit(-1));
            return source;
        }
    }

    /** Held by a publisher thread, like a bean injected into a component that outlives the bus. */
    @Dependent
    public static class Source {
        @Publishes("A")
        Integer emit(int id) {
            return id;
        }
    }

    @ApplicationScoped
    public static class StageA {
        @Publishes("B")
        Integer left(@Subscribes("A") Integer id) {
            current.a.increment();
            return id;
        }

        @Publishes("B")
        Integer right(@Subscribes("A") Integer id) {
            current.a.increment();
            return id;
        }
    }

    @ApplicationScoped
    public static class StageB {
        @Publishes("C")
        Integer left(@Subscribes("B") Integer id) {
            current.b.increment();
            return id;
        }

        @Publishes("C")
        Integer right(@Subscribes("B") Integer id) {
            current.b.increment();
            return id;
        }
    }

    @ApplicationScoped
    public static class StageC {
        void left(@Subscribes("C") Integer id) {
            arrived(id);
        }

        void right(@Subscribes("C") Integer id) {
            arrived(id);
        }

        private static void arrived(int id) {
            State state = current;
            state.c.increment();
            state.perSignal.incrementAndGet(id);
        }
    }
}
