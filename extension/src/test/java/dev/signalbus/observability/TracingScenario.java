package dev.signalbus.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.jboss.logging.MDC;

import dev.signalbus.SignalBus;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * The tracing behaviour, written once for both front doors: two orders published by {@link Shop#order}
 * inside two spans ("requests"); then each delivery is a {@code <topic> process} CONSUMER span
 * whose parent is its publisher's span, with the messaging attributes; the subscriber's own
 * publish continues the trace; the failing delivery's span has status ERROR; the batch of both
 * orders has no parent and links both requests.
 */
public final class TracingScenario {

    static final AttributeKey<String> SUBSCRIBER = AttributeKey.stringKey("signal_bus.subscriber");

    private TracingScenario() {
    }

    /** @param finished the spans exported so far */
    public static void run(Shop shop, SignalBus bus, Tracer tracer, Supplier<List<SpanData>> finished) {
        Span first = request(tracer, "request 1", shop, "o-1");
        Span second = request(tracer, "request 2", shop, "bad");
        shop.order("no-mdc"); // outside a request: no MDC values, and none left over from the others
        assertThat(bus.awaitIdle(Duration.ofSeconds(30))).isTrue();
        // the publisher's MDC travels with its signal, and with what its subscribers publish
        assertThat(Shop.MDC_SEEN).containsEntry("pack o-1", "request 1").containsEntry("pack bad", "request 2")
                .containsEntry("shipped o-1", "request 1").containsEntry("pack no-mdc", "null");
        await().atMost(Duration.ofSeconds(30)).until(() -> finished.get().stream()
                .filter(s -> s.getName().endsWith(" process")).count() >= 6);
        List<SpanData> spans = finished.get();

        SpanData shipped = child(spans, "orders process", Shop.SHIP, first);
        assertThat(shipped.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(shipped.getAttributes().get(AttributeKey.stringKey("messaging.system"))).isEqualTo("signal-bus");
        assertThat(shipped.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")))
                .isEqualTo("orders");
        assertThat(shipped.getAttributes().get(AttributeKey.stringKey("messaging.operation.type")))
                .isEqualTo("process");
        assertThat(shipped.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
        child(spans, "orders process", Shop.PACK, first);
        // the subscriber published "shipped" inside its span: the chain stays in the publisher's trace
        SpanData chained = spans.stream().filter(s -> s.getName().equals("shipped process")).findFirst().orElseThrow();
        assertThat(chained.getParentSpanId()).isEqualTo(shipped.getSpanId());
        assertThat(chained.getTraceId()).isEqualTo(first.getSpanContext().getTraceId());

        SpanData failed = child(spans, "orders process", Shop.SHIP, second);
        assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(failed.getEvents()).anyMatch(e -> e.getName().equals("exception"));

        SpanData batch = spans.stream().filter(s -> Shop.AUDIT.equals(s.getAttributes().get(SUBSCRIBER)))
                .findFirst().orElseThrow();
        assertThat(batch.getParentSpanContext().isValid()).isFalse();
        assertThat(batch.getLinks()).extracting(link -> link.getSpanContext().getSpanId())
                .containsExactlyInAnyOrder(first.getSpanContext().getSpanId(), second.getSpanContext().getSpanId());
    }

    private static Span request(Tracer tracer, String name, Shop shop, String order) {
        Span span = tracer.spanBuilder(name).startSpan();
        MDC.put("request", name);
        try (Scope ignored = span.makeCurrent()) {
            shop.order(order);
        } finally {
            MDC.remove("request");
            span.end();
        }
        return span;
    }

    private static SpanData child(List<SpanData> spans, String name, String subscriber, Span parent) {
        return spans.stream().filter(s -> s.getName().equals(name) && subscriber.equals(s.getAttributes().get(SUBSCRIBER))
                && s.getParentSpanId().equals(parent.getSpanContext().getSpanId())
                && s.getTraceId().equals(parent.getSpanContext().getTraceId()))
                .findFirst().orElseThrow(() -> new AssertionError("no span " + name + " of " + subscriber + " under "
                        + parent + " in " + spans));
    }
}
