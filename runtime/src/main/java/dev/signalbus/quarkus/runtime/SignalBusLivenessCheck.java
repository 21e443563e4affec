package dev.signalbus.quarkus.runtime;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import dev.signalbus.health.BusHealth;

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
        return BusHealth.liveness(lifecycle.engine());
    }
}
