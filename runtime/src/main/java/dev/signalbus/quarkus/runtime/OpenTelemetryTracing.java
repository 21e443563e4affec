package dev.signalbus.quarkus.runtime;

import dev.signalbus.engine.BusTracing;
import dev.signalbus.tracing.OpenTelemetryBusTracing;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.arc.Arc;

/** The bus's tracing on {@code quarkus-opentelemetry}'s {@link OpenTelemetry} bean. Loaded only when it is present. */
final class OpenTelemetryTracing {

    private OpenTelemetryTracing() {
    }

    static BusTracing tracing() {
        return OpenTelemetryBusTracing.of(Arc.container().instance(OpenTelemetry.class).get());
    }
}
