package dev.signalbus.quarkus.deployment.test.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.SignalBus;
import dev.signalbus.observability.Shop;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code quarkus-opentelemetry}: a {@code @Publishes} method called inside a span, two subscribers and a chained
 * topic give one trace: each delivery is a {@code <topic> process} CONSUMER span whose parent is the publisher's span
 * (the chained one's parent is the delivery that published it), with the messaging attributes; a failing delivery's
 * span has status ERROR; a batch links every signal's span. The application is the {@link Shop} of the Weld SE
 * {@code OpenTelemetryTracingTest}.
 */
public class TracingTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Shop.class, Exporter.class))
            .overrideConfigKey("quarkus.otel.bsp.schedule.delay", "50ms");

    static final AttributeKey<String> SUBSCRIBER = AttributeKey.stringKey("signal_bus.subscriber");

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
        Span first = tracer.spanBuilder("request 1").startSpan();
        try (Scope ignored = first.makeCurrent()) {
            shop.order("o-1");
        } finally {
            first.end();
        }
        Span second = tracer.spanBuilder("request 2").startSpan();
        try (Scope ignored = second.makeCurrent()) {
            shop.order("bad");
        } finally {
            second.end();
        }
        assertThat(bus.awaitIdle(Duration.ofSeconds(30))).isTrue();
        String ship = Shop.SHIP;
        await().atMost(Duration.ofSeconds(30)).until(() -> exporter.getFinishedSpanItems().stream()
                .filter(s -> s.getName().endsWith(" process")).count() >= 6);
        List<SpanData> spans = exporter.getFinishedSpanItems();

        SpanData shipped = child(spans, "orders process", ship, first);
        assertThat(shipped.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(shipped.getAttributes().get(AttributeKey.stringKey("messaging.system"))).isEqualTo("signal-bus");
        assertThat(shipped.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")))
                .isEqualTo("orders");
        assertThat(shipped.getAttributes().get(AttributeKey.stringKey("messaging.operation.type")))
                .isEqualTo("process");
        child(spans, "orders process", Shop.PACK, first);
        SpanData chained = spans.stream().filter(s -> s.getName().equals("shipped process")).findFirst().orElseThrow();
        assertThat(chained.getParentSpanId()).isEqualTo(shipped.getSpanId());
        assertThat(chained.getTraceId()).isEqualTo(first.getSpanContext().getTraceId());

        SpanData failed = child(spans, "orders process", ship, second);
        assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);

        SpanData batch = spans.stream().filter(s -> Shop.AUDIT.equals(
                s.getAttributes().get(SUBSCRIBER))).findFirst().orElseThrow();
        assertThat(batch.getLinks()).extracting(link -> link.getSpanContext().getSpanId())
                .containsExactlyInAnyOrder(first.getSpanContext().getSpanId(), second.getSpanContext().getSpanId());
    }

    private static SpanData child(List<SpanData> spans, String name, String subscriber, Span parent) {
        return spans.stream().filter(s -> s.getName().equals(name) && subscriber.equals(s.getAttributes().get(SUBSCRIBER))
                && s.getParentSpanId().equals(parent.getSpanContext().getSpanId())
                && s.getTraceId().equals(parent.getSpanContext().getTraceId()))
                .findFirst().orElseThrow(() -> new AssertionError("no span " + name + " of " + subscriber + " under "
                        + parent + " in " + spans));
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
