package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalFailure;

/** Periodic tasks: run repeatedly, never overlap, report failures and keep going, stop at the drain. */
class PeriodicTest {

    private final TestBus bus = new TestBus(2);
    private final ExecutorService runners = Executors.newFixedThreadPool(4);
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxActive = new AtomicInteger();

    @AfterEach
    void close() {
        runners.shutdownNow();
        bus.close();
    }

    /**
     * A scheduler that starts every tick on a pool of its own and ignores cancellation, as a
     * scheduler with concurrent executions or a lagging cancel would: only the engine's own guard
     * can then keep runs from overlapping and stop them at the drain.
     */
    private PeriodicScheduler overlappingScheduler() {
        return (id, delay, every, run) -> {
            ScheduledFuture<?> ticks = bus.scheduled.scheduleAtFixedRate(() -> runners.execute(run),
                    delay.toNanos(), every.toNanos(), TimeUnit.NANOSECONDS);
            return () -> {
                // deliberately keeps ticking; the test's pools stop it
            };
        };
    }

    private Object slowRun(Duration length) throws InterruptedException {
        maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
        try {
            runs.incrementAndGet();
            Thread.sleep(length.toMillis()); // the work itself, not synchronisation
            return null;
        } finally {
            active.decrementAndGet();
        }
    }

    @Test
    void aPeriodicTaskRunsRepeatedlyAfterItsDelay() {
        AtomicLong firstRunAt = new AtomicLong();
        Duration delay = Duration.ofMillis(300);
        long start = System.nanoTime();
        SignalBusEngine engine = bus.started(bus.builder()
                .periodic(new PeriodicSpec("Clock#tick", Duration.ofMillis(20), delay, () -> {
                    firstRunAt.compareAndSet(0, System.nanoTime());
                    return runs.incrementAndGet();
                })));

        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 5);
        assertThat(Duration.ofNanos(firstRunAt.get() - start)).isGreaterThanOrEqualTo(delay);
        assertThat(engine.shutdown().complete()).isTrue();
    }

    @Test
    void runsNeverOverlapWhenARunIsSlowerThanTheSchedule() {
        SignalBusEngine engine = bus.started(bus.builder()
                .periodic(new PeriodicSpec("Slow#run", Duration.ofMillis(5), Duration.ZERO,
                        () -> slowRun(Duration.ofMillis(60)))));

        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 4);
        assertThat(maxActive).hasValue(1);
        assertThat(engine.shutdown().complete()).isTrue();
    }

    @Test
    void missedTicksAfterASlowRunAreSkippedNotRunInABurst() {
        List<Long> starts = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = bus.started(bus.builder()
                .periodic(new PeriodicSpec("Slow#first", Duration.ofMillis(20), Duration.ZERO, () -> {
                    starts.add(System.nanoTime());
                    return starts.size() == 1 ? slowRun(Duration.ofMillis(600)) : null;
                })));

        await().atMost(Duration.ofSeconds(10)).until(() -> starts.size() >= 6);
        assertThat(engine.shutdown().complete()).isTrue();
        // the slow first run missed about 30 ticks; a fixed-rate catch-up would start them back to
        // back. At most one run may follow the slow one at once, then the 20 ms cadence resumes.
        long firstFive = starts.get(5) - starts.get(1);
        assertThat(Duration.ofNanos(firstFive)).isGreaterThanOrEqualTo(Duration.ofMillis(40));
    }

    @Test
    void runsNeverOverlapEvenIfTheSchedulerFiresConcurrently() {
        SignalBusEngine engine = bus.started(bus.builder()
                .scheduler(overlappingScheduler())
                .periodic(new PeriodicSpec("Slow#run", Duration.ofMillis(5), Duration.ZERO,
                        () -> slowRun(Duration.ofMillis(60)))));

        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 4);
        assertThat(maxActive).hasValue(1);
        assertThat(engine.shutdown().complete()).isTrue();
    }

    @Test
    void anAsyncRunLastsUntilItsStageCompletes() {
        List<CompletableFuture<Void>> results = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = bus.started(bus.builder()
                .periodic(new PeriodicSpec("Async#run", Duration.ofMillis(10), Duration.ZERO, () -> {
                    CompletableFuture<Void> result = new CompletableFuture<>();
                    results.add(result);
                    return result;
                })));

        await().atMost(Duration.ofSeconds(10)).until(() -> results.size() == 1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> results.size() == 1);
        assertThat(engine.awaitIdle(Duration.ofMillis(100))).isFalse();

        results.get(0).complete(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> results.size() >= 2);
        results.forEach(r -> r.complete(null));
        engine.shutdown();
        results.forEach(r -> r.complete(null));
    }

    @Test
    void aFailingRunIsReportedWithNullTopicAndSignalAndTheTaskKeepsItsSchedule() {
        SignalBusEngine engine = bus.started(bus.builder()
                .periodic(new PeriodicSpec("com.acme.Poller#poll", Duration.ofMillis(20), Duration.ZERO, () -> {
                    throw new IllegalStateException("run " + runs.incrementAndGet() + " failed");
                })));

        await().atMost(Duration.ofSeconds(10)).until(() -> bus.failures.size() >= 3);
        engine.shutdown();

        assertThat(bus.failures).hasSize(runs.get());
        for (int i = 0; i < 3; i++) {
            SignalFailure failure = bus.failures.get(i);
            assertThat(failure.topic()).isNull();
            assertThat(failure.signal()).isNull();
            assertThat(failure.target()).isEqualTo("com.acme.Poller#poll");
            assertThat(failure.failure()).isInstanceOf(IllegalStateException.class).hasMessage("run " + (i + 1) + " failed");
        }
    }

    @Test
    void anAsyncRunThatFailsIsReportedWithItsCause() {
        IllegalStateException cause = new IllegalStateException("async run failed");
        SignalBusEngine engine = bus.started(bus.builder()
                .periodic(new PeriodicSpec("Async#run", Duration.ofMillis(20), Duration.ZERO,
                        () -> CompletableFuture.supplyAsync(() -> {
                            throw cause;
                        }, runners))));

        await().atMost(Duration.ofSeconds(10)).until(() -> bus.failures.size() >= 2);
        engine.shutdown();
        assertThat(bus.failures.get(0)).isEqualTo(new SignalFailure(null, "Async#run", null, cause));
    }

    @Test
    void aRunHungPastTheShutdownTimeoutIsReportedAndDoesNotHoldTheShutdown() {
        CountDownLatch inRun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Duration timeout = Duration.ofMillis(400);
        SignalBusEngine engine = bus.started(bus.builder()
                .config(TestBus.config(timeout, 10, Duration.ofSeconds(1)))
                .periodic(new PeriodicSpec("com.acme.Poller#poll", Duration.ofMillis(10), Duration.ZERO, () -> {
                    inRun.countDown();
                    TestBus.await(release);
                    return null;
                })));
        TestBus.await(inRun);

        long start = System.nanoTime();
        DrainReport report = engine.shutdown();
        release.countDown();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.plusSeconds(1));
        assertThat(report.complete()).isFalse();
        assertThat(report.undelivered()).isEqualTo(java.util.Map.of("periodic task com.acme.Poller#poll", 1L));
    }

    @Test
    void noRunStartsOnceShutdownBeganAndTheRunningOneFinishesBeforeShutdownReturns() {
        CountDownLatch inFirstRun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean firstRunFinished = new AtomicBoolean();
        SignalBusEngine engine = bus.started(bus.builder()
                .scheduler(overlappingScheduler())
                .periodic(new PeriodicSpec("Slow#run", Duration.ofMillis(5), Duration.ZERO, () -> {
                    if (runs.incrementAndGet() == 1) {
                        inFirstRun.countDown();
                        TestBus.await(release);
                        firstRunFinished.set(true);
                    }
                    return null;
                })));
        TestBus.await(inFirstRun);

        CompletableFuture<DrainReport> shutdown = CompletableFuture.supplyAsync(engine::shutdown, runners);
        // the drain waits for the running one, and the scheduler keeps ticking meanwhile
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !shutdown.isDone());
        release.countDown();

        DrainReport report = shutdown.join();
        assertThat(firstRunFinished).isTrue();
        assertThat(report.complete()).isTrue();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
    }
}
