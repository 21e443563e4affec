package dev.signalbus.cdi;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;

import dev.signalbus.engine.BusTracing;
import dev.signalbus.tracing.OpenTelemetryBusTracing;
import io.opentelemetry.api.OpenTelemetry;

/**
 * The bus's tracing on the application's {@link OpenTelemetry} bean, if it has exactly one; none
 * otherwise (Micrometer's global registry has no counterpart here: a global {@code OpenTelemetry}
 * that nobody configured is a no-op, and capturing contexts for it would be cost for nothing).
 * Loaded only when the OpenTelemetry API is on the class path.
 */
final class OpenTelemetryBeans {

    static final String OPEN_TELEMETRY = "io.opentelemetry.api.OpenTelemetry";

    private OpenTelemetryBeans() {
    }

    /** @return the tracing, or {@link BusTracing#NONE} without a resolvable {@code OpenTelemetry} bean */
    static BusTracing tracing(BeanManager beanManager) {
        Instance<OpenTelemetry> openTelemetry = beanManager.createInstance().select(OpenTelemetry.class);
        return openTelemetry.isResolvable() ? OpenTelemetryBusTracing.of(openTelemetry.get()) : BusTracing.NONE;
    }
}
