package dev.signalbus.quarkus.runtime;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import dev.signalbus.engine.SignalBusEngine;

/**
 * Liveness of the bus, registered when the application has {@code quarkus-smallrye-health}: DOWN while a delivery or
 * periodic run has been running longer than {@code quarkus.signal-bus.stuck-delivery-threshold}, naming it
 * ({@code GET /q/health/live}):
 *
 * <pre>{@code
 * { "name": "Signal Bus", "status": "DOWN",
 *   "data": { "stuck": "dev.acme.Mailer#send (topic 'orders') for PT6M2S" } }
 * }</pre>
 */
@Liveness
@Singleton
public class SignalBusLivenessCheck implements HealthCheck {

    @Inject
    SignalBusLifecycle lifecycle;

    @Override
    public HealthCheckResponse call() {
        SignalBusEngine engine = lifecycle.engine();
        List<String> stuck = engine == null ? List.of() : engine.stuckDeliveries();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(SignalBusReadinessCheck.NAME);
        if (stuck.isEmpty()) {
            return response.up().build();
        }
        return response.down().withData("stuck", String.join("; ", stuck)).build();
    }
}
