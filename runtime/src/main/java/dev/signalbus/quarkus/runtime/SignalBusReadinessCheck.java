package dev.signalbus.quarkus.runtime;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.signalbus.health.BusHealth;

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

    @Inject
    SignalBusLifecycle lifecycle;

    @Override
    public HealthCheckResponse call() {
        return BusHealth.readiness(lifecycle.engine());
    }
}
