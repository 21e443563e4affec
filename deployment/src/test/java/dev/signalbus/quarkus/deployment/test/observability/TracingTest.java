package dev.signalbus.quarkus.deployment.test.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.SignalBus;
import dev.signalbus.observability.Shop;
import dev.signalbus.observability.TracingScenario;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code quarkus-opentelemetry} and an in-memory exporter bean, the {@link TracingScenario} (also run on Weld SE by
 * {@code OpenTelemetryTracingTest}): a {@code @Publishes} method called inside a span, two subscribers and a chained
 * topic give one trace, each delivery a {@code <topic> process} CONSUMER span child of its publisher's; a failing
 * delivery's span has status ERROR; a batch links every signal's span.
 */
public class TracingTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Shop.class, TracingScenario.class, Exporter.class))
            .overrideConfigKey("quarkus.otel.bsp.schedule.delay", "50ms");

    @Inject
    Shop shop;

    @Inject
    Tracer tracer;

    @Inject
    InMemorySpanExporter exporter;

    @Inject
    SignalBus bus;

    @Test
    void oneTraceFromThePublisherThroughTheChain() {
        TracingScenario.run(shop, bus, tracer, exporter::getFinishedSpanItems);
    }

    @ApplicationScoped
    public static class Exporter {
        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }
    }
}
