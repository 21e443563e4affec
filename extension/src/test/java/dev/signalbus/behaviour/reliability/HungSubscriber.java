package dev.signalbus.behaviour.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.Behaviour;
import dev.signalbus.behaviour.Container;
import dev.signalbus.behaviour.Logs;
import dev.signalbus.behaviour.Shared;
import dev.signalbus.behaviour.Threads;

/**
 * Reliability case 3: a subscriber hangs (blocked, interruptibly) past {@code shutdown-timeout} of 1 s. The
 * drain gives up within the timeout + 1 s (the application then stops within 10 s); the report names the topic and the subscriber with the exact number of
 * signals it did not get (the one it hangs on and those queued behind it) and does not name the healthy subscriber of
 * the same topic, which got everything; the hung delivery is interrupted by the bus (on Quarkus it holds a thread of
 * the worker pool, which Quarkus itself would interrupt only after {@code quarkus.thread-pool.shutdown-interrupt},
 * 10 s), and no bus thread survives.
 */
public class HungSubscriber extends Behaviour {

    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final int SIGNALS = 25;
    static final String KEY = "reliability.hung.";

    @Override
    public Map<String, String> settings() {
        return Map.of("shutdown-timeout", "1s");
    }

    @Override
    public void run(Container app) {
        Shared.clear(KEY);
        State state = new State();
        state.times[0] = System.nanoTime();
        // the report is logged while the application stops: the capture is closed after the stop
        Logs capture = Shared.get(KEY + "capture", () -> Logs.capture("dev.signalbus", state.logged));
        try {
            Exports exports = app.select(Exports.class);
            for (int i = 0; i < SIGNALS; i++) {
                exports.export(i);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> state.started.get() == 1
                    && state.healthy.get() == SIGNALS);
        } catch (RuntimeException | Error e) {
            capture.close(); // no check after the stop comes to close it
            throw e;
        }
        state.times[1] = System.nanoTime(); // returning stops the application
    }

    @Override
    public void afterStop(String container) throws Exception {
        try {
            State state = new State();
            Duration took = Duration.ofNanos(System.nanoTime() - state.times[1]);
            // the drain ends before any bean is destroyed: the healthy subscriber's @PreDestroy marks it (on Quarkus
            // the check after the stop runs only once the whole application has closed, which takes longer)
            Duration drained = Duration.ofNanos(state.times[2] - state.times[1]);
            Shared.<AutoCloseable> get(KEY + "capture", () -> null).close();
            // the hung thread was interrupted, and ended the delivery
            await().atMost(Duration.ofSeconds(30)).until(() -> state.interrupted.get() == 1);
            assertThat(state.times[2]).as("the healthy subscriber bean was destroyed").isNotZero();
            assertThat(drained).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plusSeconds(1));
            assertThat(took).isLessThan(TIMEOUT.plusSeconds(10));
            assertThat(state.logged).anySatisfy(line -> assertThat(line).contains("did not drain")
                    .contains("not delivered: {exports -> " + Hung.class.getName() + "#export=" + SIGNALS + "}"));
            assertThat(state.logged).noneSatisfy(line -> assertThat(line).contains(Healthy.class.getName()));
            // and the front door reports it once per subscriber, in the same words on both containers
            assertThat(state.logged).filteredOn(line -> line.contains("not delivered to"))
                    .containsExactly("SIGBUS0004: Signal Bus shutdown-timeout exceeded: " + SIGNALS + " signal(s) not"
                            + " delivered to exports -> " + Hung.class.getName() + "#export");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Threads.busThreads()).isEmpty());
            Shared.print("3 hung subscriber", container, String.format("shutdown-timeout %d ms: the application"
                    + " drained in %d ms, stopped after %d ms; reported %d not delivered", TIMEOUT.toMillis(), drained.toMillis(),
                    took.toMillis(), SIGNALS),
                    state.times[0]);
        } finally {
            Shared.clear(KEY);
        }
    }

    /** What the application and the checks after its stop share (on Quarkus from two class loaders). */
    static final class State {
        final long[] times = Shared.get(KEY + "times", () -> new long[3]);
        final AtomicInteger started = Shared.get(KEY + "started", AtomicInteger::new);
        final AtomicInteger interrupted = Shared.get(KEY + "interrupted", AtomicInteger::new);
        final AtomicInteger healthy = Shared.get(KEY + "healthy", AtomicInteger::new);
        final List<String> logged = Shared.get(KEY + "logged", CopyOnWriteArrayList::new);
    }

    @ApplicationScoped
    public static class Exports {
        @Publishes("exports")
        Integer export(int id) {
            return id;
        }
    }

    @ApplicationScoped
    public static class Hung {
        private final CountDownLatch never = new CountDownLatch(1);

        void export(@Subscribes("exports") Integer id) {
            new State().started.incrementAndGet();
            try {
                never.await();
            } catch (InterruptedException e) {
                new State().interrupted.incrementAndGet();
                Thread.currentThread().interrupt();
            }
        }
    }

    @ApplicationScoped
    public static class Healthy {
        void export(@Subscribes("exports") Integer id) {
            new State().healthy.incrementAndGet();
        }

        @PreDestroy
        void destroyed() {
            new State().times[2] = System.nanoTime();
        }
    }
}
