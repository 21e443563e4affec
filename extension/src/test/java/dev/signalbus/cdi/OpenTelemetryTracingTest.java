package dev.signalbus.cdi;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalBus;
import dev.signalbus.observability.Shop;
import dev.signalbus.observability.TracingScenario;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * On Weld SE with an {@code OpenTelemetry} bean, the {@link TracingScenario} (also run on Quarkus
 * by {@code TracingTest}): each delivery's span is a child of its publisher's, through a chained
 * topic; failures and batches as it says.
 */
class OpenTelemetryTracingTest {

    static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();
    static final OpenTelemetry OPEN_TELEMETRY = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(EXPORTER)).build())
            .build();

    @Test
    void deliverySpansAreChildrenOfThePublisher() {
        try (WeldContainer container = Cdi.boot(Shop.class, Telemetry.class)) {
            TracingScenario.run(container.select(Shop.class).get(), container.select(SignalBus.class).get(),
                    OPEN_TELEMETRY.getTracer("test"), EXPORTER::getFinishedSpanItems);
        }
    }

    @Singleton
    static class Telemetry {
        @Produces
        @Singleton
        OpenTelemetry openTelemetry() {
            return OPEN_TELEMETRY;
        }
    }
}
