package dev.signalbus.reliability.weld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.Batch;
import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.Shared;
import dev.signalbus.behaviour.Threads;
import dev.signalbus.cdi.SignalBusExtension;

/**
 * Case 7: 20 start/stop cycles of a Weld SE container with subscribers, a batch subscriber and a
 * periodic task. Each cycle delivers everything before it stops; afterwards no {@code signal-bus-*}
 * thread is left, the JVM's threads are back to the baseline, and neither the extension nor its
 * engine of any cycle is retained once garbage collected.
 * <p>
 * Weld SE only, and not a scenario of the behaviour suite: it starts and stops 21 containers in one test and holds
 * the portable extension's instance and its engine to see them collected. A {@code QuarkusUnitTest} builds and starts
 * one application per test class and stops it once, after the test, so a cycle cannot be repeated inside it, and a
 * Quarkus application has no extension instance to watch. On Quarkus the drain at one stop is checked by the
 * behaviour suite ({@code dev.signalbus.behaviour.reliability}) and the Quarkus extension's
 * {@code DrainAtShutdownTest}; a restart of the bus by {@code DevModeReloadTest} (dev mode).
 */
class LifecycleTest {

    static final int CYCLES = 20;
    static final int SIGNALS = 100;
    static final AtomicInteger RECEIVED = new AtomicInteger();
    static final AtomicInteger BATCHED = new AtomicInteger();
    static final AtomicInteger TICKS = new AtomicInteger();

    @Test
    void everyCycleStopsItsThreadsAndLeavesNothingBehind() throws Exception {
        long start = System.nanoTime();
        // a first cycle starts what the JVM keeps for good (e.g. CompletableFuture's delay thread)
        cycle();
        await().atMost(Duration.ofSeconds(10)).until(() -> Threads.busThreads().isEmpty());
        Set<Thread> baseline = liveThreads();

        List<WeakReference<Object>> retained = new ArrayList<>();
        int peakThreads = 0;
        for (int i = 0; i < CYCLES; i++) {
            Cycle cycle = cycle();
            retained.add(new WeakReference<>(cycle.extension));
            retained.add(new WeakReference<>(cycle.engine));
            peakThreads = Math.max(peakThreads, cycle.busThreads);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Threads.busThreads()).isEmpty());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(newThreads(baseline)).isEmpty());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            System.gc();
            assertThat(retained).as("extensions and engines of stopped containers still reachable")
                    .allSatisfy(reference -> assertThat(reference.get()).isNull());
        });
        Shared.print("7 lifecycle", "Weld SE", String.format("%d cycles of %d signals, %d batched, periodic task;"
                + " %d bus threads while running, 0 after each stop; %d extensions + engines collected", CYCLES,
                SIGNALS, SIGNALS, peakThreads, retained.size()), start);
    }

    record Cycle(SignalBusExtension extension, Object engine, int busThreads) {
    }

    private static Cycle cycle() throws Exception {
        RECEIVED.set(0);
        BATCHED.set(0);
        TICKS.set(0);
        SignalBusExtension extension = new SignalBusExtension();
        WeldContainer container = WeldBus.boot(extension, Map.of(), Source.class, Receiver.class, Ticker.class);
        Source source = container.select(Source.class).get();
        for (int i = 0; i < SIGNALS; i++) {
            source.emit(i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVED.get() == SIGNALS && TICKS.get() > 0);
        int busThreads = Threads.busThreads().size();
        Object engine = engineOf(extension);
        container.close();
        // the drain delivered the partial batch still waiting for its maxWait
        assertThat(BATCHED.get()).isEqualTo(SIGNALS);
        return new Cycle(extension, engine, busThreads);
    }

    /** The extension's engine, to watch it too (the extension holds it in a private field). */
    private static Object engineOf(SignalBusExtension extension) throws ReflectiveOperationException {
        Field field = SignalBusExtension.class.getDeclaredField("engine");
        field.setAccessible(true);
        return field.get(extension);
    }

    private static Set<Thread> liveThreads() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    private static List<String> newThreads(Set<Thread> baseline) {
        List<String> names = new ArrayList<>();
        for (Thread thread : liveThreads()) {
            // the common pool grows and shrinks on its own, and Awaitility polls on its own thread
            if (!baseline.contains(thread) && thread.isAlive()
                    && !thread.getName().startsWith("ForkJoinPool.commonPool")
                    && !thread.getName().startsWith("awaitility")) {
                names.add(thread.getName());
            }
        }
        return names;
    }

    @ApplicationScoped
    static class Source {
        @Publishes("cycle")
        Integer emit(int i) {
            return i;
        }
    }

    @ApplicationScoped
    static class Receiver {
        void receive(@Subscribes(value = "cycle", concurrency = 2) Integer i) {
            RECEIVED.incrementAndGet();
        }

        // a batch that never fills: its last partial batch waits for the drain
        @Batch(maxSize = 1_000, maxWait = "1h")
        void collect(@Subscribes("cycle") List<Integer> batch) {
            BATCHED.addAndGet(batch.size());
        }
    }

    @ApplicationScoped
    static class Ticker {
        @PeriodicTask(every = "10ms")
        void tick() {
            TICKS.incrementAndGet();
        }
    }
}
