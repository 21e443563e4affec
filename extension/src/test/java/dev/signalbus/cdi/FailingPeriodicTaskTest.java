package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.PeriodicTask;
import dev.signalbus.SignalFailure;

/** A failing periodic run is fired as a SignalFailure and the task keeps its schedule. */
class FailingPeriodicTaskTest {

    static final AtomicInteger RUNS = new AtomicInteger();
    static final List<SignalFailure> FAILURES = new CopyOnWriteArrayList<>();

    @Test
    void failureIsReportedAndTheTaskRunsAgain() {
        try (WeldContainer container = Cdi.boot(Poller.class, FailureObserver.class)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> RUNS.get() >= 3 && FAILURES.size() >= 2);
        }
        SignalFailure failure = FAILURES.get(0);
        assertThat(failure.topic()).isNull();
        assertThat(failure.signal()).isNull();
        assertThat(failure.target()).isEqualTo(Poller.class.getName() + "#poll");
        assertThat(failure.failure()).isInstanceOf(IllegalStateException.class).hasMessage("database down (run 1)");
    }

    @ApplicationScoped
    static class Poller {
        @PeriodicTask(every = "100ms")
        void poll() {
            int run = RUNS.incrementAndGet();
            if (run % 2 == 1) {
                throw new IllegalStateException("database down (run " + run + ")");
            }
        }
    }

    @ApplicationScoped
    static class FailureObserver {
        void onFailure(@Observes SignalFailure failure) {
            FAILURES.add(failure);
        }
    }
}
