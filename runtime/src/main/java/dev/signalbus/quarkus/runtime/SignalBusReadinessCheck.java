package dev.signalbus.quarkus.runtime;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.signalbus.engine.SignalBusEngine;

/**
 * Readiness of the bus, registered when the application has {@code quarkus-smallrye-health}: UP while it delivers,
 * DOWN before it has started and from the start of its drain on ({@code GET /q/health/ready}):
 *
 * <pre>{@code
 * { "name": "Signal Bus", "status": "DOWN", "data": { "phase": "DRAINING" } }
 * }</pre>
 */
@Readiness
@Singleton
public class SignalBusReadinessCheck implements HealthCheck {

    static final String NAME = "Signal Bus";

    @Inject
    SignalBusLifecycle lifecycle;

    @Override
    public HealthCheckResponse call() {
        SignalBusEngine engine = lifecycle.engine();
        SignalBusEngine.Phase phase = engine == null ? SignalBusEngine.Phase.NEW : engine.phase();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("phase", phase.name());
        return (phase == SignalBusEngine.Phase.RUNNING ? response.up() : response.down()).build();
    }
}
