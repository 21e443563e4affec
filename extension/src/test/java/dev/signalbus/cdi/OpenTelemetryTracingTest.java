package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalBus;
import dev.signalbus.observability.Shop;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * On Weld SE with an {@code OpenTelemetry} bean (the {@link Shop} of the Quarkus {@code TracingTest}): the publisher's span is the parent of each
 * delivery's {@code <topic> process} span (CONSUMER, messaging attributes), a subscriber's own
 * publish continues the trace, a failing delivery's span has status ERROR, and a batch links the
 * span of every signal in it.
 */
class OpenTelemetryTracingTest {

    static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();
    static final OpenTelemetry OPEN_TELEMETRY = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(EXPORTER)).build())
            .build();

    @Test
    void deliverySpansAreChildrenOfThePublisher() {
        try (WeldContainer container = Cdi.boot(Shop.class, Telemetry.class)) {
            SignalBus bus = container.select(SignalBus.class).get();
            Tracer tracer = OPEN_TELEMETRY.getTracer("test");
            Shop shop = container.select(Shop.class).get();
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
            await().atMost(Duration.ofSeconds(30)).until(() -> EXPORTER.getFinishedSpanItems().stream()
                    .filter(s -> s.getName().endsWith(" process")).count() >= 6);
            List<SpanData> spans = EXPORTER.getFinishedSpanItems();
            String ship = Shop.SHIP;

            SpanData shipFirst = delivery(spans, "orders process", ship, first);
            assertThat(shipFirst.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(shipFirst.getAttributes().get(AttributeKey.stringKey("messaging.system"))).isEqualTo("signal-bus");
            assertThat(shipFirst.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")))
                    .isEqualTo("orders");
            assertThat(shipFirst.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
            delivery(spans, "orders process", Shop.PACK, first);
            // the subscriber published "shipped" inside its span: the chain stays in the publisher's trace
            SpanData shipped = spans.stream().filter(s -> s.getName().equals("shipped process")
                    && s.getParentSpanId().equals(shipFirst.getSpanId())).findFirst().orElseThrow();
            assertThat(shipped.getTraceId()).isEqualTo(first.getSpanContext().getTraceId());

            SpanData failed = delivery(spans, "orders process", ship, second);
            assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(failed.getEvents()).anyMatch(e -> e.getName().equals("exception"));

            SpanData batch = spans.stream().filter(s -> s.getName().equals("orders process")
                    && Shop.AUDIT.equals(s.getAttributes()
                            .get(AttributeKey.stringKey("signal_bus.subscriber"))))
                    .findFirst().orElseThrow();
            assertThat(batch.getLinks()).extracting(link -> link.getSpanContext().getSpanId())
                    .containsExactlyInAnyOrder(first.getSpanContext().getSpanId(), second.getSpanContext().getSpanId());
            assertThat(batch.getParentSpanContext().isValid()).isFalse();
        }
    }

    private static SpanData delivery(List<SpanData> spans, String name, String subscriber, Span parent) {
        return spans.stream().filter(s -> s.getName().equals(name)
                && subscriber.equals(s.getAttributes().get(AttributeKey.stringKey("signal_bus.subscriber")))
                && s.getParentSpanId().equals(parent.getSpanContext().getSpanId())
                && s.getTraceId().equals(parent.getSpanContext().getTraceId()))
                .findFirst().orElseThrow(() -> new AssertionError("no span " + name + " of " + subscriber
                        + " under " + parent + " in " + spans));
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
