package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.CDI;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * With the MicroProfile Health API the portable extension adds a readiness check (DOWN before the
 * start and from the drain on) and a liveness check (DOWN naming a delivery past
 * {@code signal-bus.stuck-delivery-threshold}).
 */
class HealthChecksTest {

    static final AtomicReference<HealthCheckResponse> BEFORE_START = new AtomicReference<>();
    static final AtomicReference<HealthCheckResponse> WHILE_DRAINING = new AtomicReference<>();
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final CountDownLatch STARTED = new CountDownLatch(1);

    @AfterEach
    void release() {
        RELEASE.countDown();
    }

    @Test
    void readinessAndLiveness() throws InterruptedException {
        try (WeldContainer container = Cdi.boot(Map.of("signal-bus.stuck-delivery-threshold", "300ms"), Worker.class,
                EarlyProbe.class)) {
            assertThat(BEFORE_START.get().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(BEFORE_START.get().getData().orElseThrow()).containsEntry("phase", "NEW");
            HealthCheck ready = container.select(HealthCheck.class, Readiness.Literal.INSTANCE).get();
            HealthCheck live = container.select(HealthCheck.class, Liveness.Literal.INSTANCE).get();
            assertThat(ready.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(live.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

            SignalBus bus = container.select(SignalBus.class).get();
            bus.publish("jobs", "long");
            assertThat(STARTED.await(30, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HealthCheckResponse response = live.call();
                assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
                assertThat((String) response.getData().orElseThrow().get("stuck"))
                        .startsWith(Worker.class.getName() + "#run (topic 'jobs') for PT");
            });
            RELEASE.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> live.call().getStatus() == HealthCheckResponse.Status.UP);
            bus.publish("drain", "probe"); // waits until readiness says DOWN: while the drain waits for it
        }
        assertThat(WHILE_DRAINING.get().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(WHILE_DRAINING.get().getData().orElseThrow()).containsEntry("phase", "DRAINING");
    }

    static HealthCheckResponse readiness() {
        return CDI.current().select(HealthCheck.class, Readiness.Literal.INSTANCE).get().call();
    }

    @ApplicationScoped
    static class EarlyProbe {
        void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
            // before the bus starts: it starts after every other observer of this event
            BEFORE_START.set(readiness());
        }
    }

    @ApplicationScoped
    static class Worker {
        void run(@Subscribes("jobs") String job) throws InterruptedException {
            STARTED.countDown();
            RELEASE.await(30, TimeUnit.SECONDS);
        }

        void probe(@Subscribes("drain") String signal) {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                HealthCheckResponse response = readiness();
                WHILE_DRAINING.set(response);
                return response.getStatus() == HealthCheckResponse.Status.DOWN;
            });
        }
    }
}
