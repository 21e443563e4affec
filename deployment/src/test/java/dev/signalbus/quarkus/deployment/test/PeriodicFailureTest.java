package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.PeriodicTask;
import dev.signalbus.SignalFailure;
import io.quarkus.test.QuarkusUnitTest;

/** A failing periodic run is reported as a SignalFailure and the task keeps its schedule. */
public class PeriodicFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Flaky.class));

    @Test
    void failingRunsAreReportedAndTheScheduleGoesOn() {
        await().atMost(Duration.ofSeconds(10)).until(() -> Flaky.failures.size() >= 3);
        SignalFailure failure = Flaky.failures.get(0);
        assertThat(failure.topic()).isNull();
        assertThat(failure.signal()).isNull();
        assertThat(failure.target()).isEqualTo(Flaky.class.getName() + "#poll");
        assertThat(failure.failure()).hasMessageStartingWith("poll failed");
    }

    @ApplicationScoped
    static class Flaky {
        static final List<SignalFailure> failures = new CopyOnWriteArrayList<>();
        private final AtomicInteger runs = new AtomicInteger();

        @PeriodicTask(every = "0.2s")
        void poll() {
            throw new IllegalStateException("poll failed #" + runs.incrementAndGet());
        }

        void onFailure(@Observes SignalFailure failure) {
            failures.add(failure);
        }
    }
}
