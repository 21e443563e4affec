package dev.signalbus.cdi;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import dev.signalbus.health.BusHealth;

/**
 * The bus's health checks for containers with MicroProfile Health; registered by the extension
 * only when its API is on the class path.
 */
final class HealthChecks {

    static final String HEALTH_CHECK = "org.eclipse.microprofile.health.HealthCheck";

    private HealthChecks() {
    }

    /** The check beans' classes; only loaded with the API present. */
    static List<Class<?>> classes() {
        return List.of(Ready.class, Live.class);
    }

    /** Readiness: {@link BusHealth#readiness}. */
    @Readiness
    @ApplicationScoped
    static class Ready implements HealthCheck {

        @Inject
        SignalBusExtension extension;

        @Override
        public HealthCheckResponse call() {
            return BusHealth.readiness(extension.engineOrNull());
        }
    }

    /** Liveness: {@link BusHealth#liveness}. */
    @Liveness
    @ApplicationScoped
    static class Live implements HealthCheck {

        @Inject
        SignalBusExtension extension;

        @Override
        public HealthCheckResponse call() {
            return BusHealth.liveness(extension.engineOrNull());
        }
    }
}
