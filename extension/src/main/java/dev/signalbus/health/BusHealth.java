package dev.signalbus.health;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;

import dev.signalbus.engine.SignalBusEngine;

/**
 * The bus's MicroProfile Health answers, for the checks of both front doors (on Quarkus with
 * {@code quarkus-smallrye-health}; elsewhere when the MicroProfile Health API is on the class path).
 * Readiness is UP only while the bus delivers; liveness is DOWN while a delivery or periodic run
 * has been running longer than {@code stuck-delivery-threshold}, naming it.
 * <pre>{@code
 * @Readiness
 * @ApplicationScoped
 * class MyBusReadiness implements HealthCheck {
 *     @Inject SignalBusEngine engine;
 *     public HealthCheckResponse call() { return BusHealth.readiness(engine); }
 * }
 * }</pre>
 */
public final class BusHealth {

    /** The name of both checks. */
    public static final String NAME = "Signal Bus";

    private BusHealth() {
    }

    /**
     * UP while {@link SignalBusEngine.Phase#RUNNING}, DOWN before the start and from the drain on;
     * {@code data.phase} says which.
     *
     * @param engine {@code null} before the bus was created (DOWN, phase {@code NEW})
     */
    public static HealthCheckResponse readiness(SignalBusEngine engine) {
        SignalBusEngine.Phase phase = engine == null ? SignalBusEngine.Phase.NEW : engine.phase();
        return new HealthCheckResponse(NAME, phase == SignalBusEngine.Phase.RUNNING ? Status.UP : Status.DOWN,
                Optional.of(Map.of("phase", phase.name())));
    }

    /**
     * DOWN while {@link SignalBusEngine#stuckDeliveries()} names any, in {@code data.stuck}; UP
     * otherwise.
     *
     * @param engine {@code null} before the bus was created (UP)
     */
    public static HealthCheckResponse liveness(SignalBusEngine engine) {
        List<String> stuck = engine == null ? List.of() : engine.stuckDeliveries();
        if (stuck.isEmpty()) {
            return new HealthCheckResponse(NAME, Status.UP, Optional.empty());
        }
        return new HealthCheckResponse(NAME, Status.DOWN, Optional.of(Map.of("stuck", String.join("; ", stuck))));
    }
}
