package dev.signalbus.tracing;

import java.util.List;
import java.util.Objects;

import dev.signalbus.engine.BusTracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Traces the bus with OpenTelemetry; both front doors use it when the application has OpenTelemetry
 * (Quarkus with {@code quarkus-opentelemetry}: its {@code OpenTelemetry} bean). The publisher's
 * {@link Context} travels with each signal; each delivery runs in a span {@code <topic> process}
 * (kind {@link SpanKind#CONSUMER}, {@code messaging.system=signal-bus}, the messaging attributes of
 * the semantic conventions) whose parent is the publisher's span, current while the subscriber runs
 * on the delivering thread, so that what it publishes continues the trace. A batch starts a trace of
 * its own, linked to every signal's span; a periodic run starts its own trace
 * ({@code <Class#method> run}, kind {@link SpanKind#INTERNAL}). The publisher's logging MDC
 * travels with the signal as well and is set on the delivering thread while the subscriber runs.
 * <pre>{@code
 * SignalBusEngine engine = SignalBusEngine.builder()
 *         .executor(executor)
 *         .tracing(OpenTelemetryBusTracing.of(GlobalOpenTelemetry.get()))
 *         .build();
 * }</pre>
 */
public final class OpenTelemetryBusTracing implements BusTracing {

    static final String INSTRUMENTATION = "dev.signalbus";
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    static final AttributeKey<Long> BATCH_COUNT = AttributeKey.longKey("messaging.batch.message_count");
    static final AttributeKey<String> SUBSCRIBER = AttributeKey.stringKey("signal_bus.subscriber");
    static final AttributeKey<String> TASK = AttributeKey.stringKey("signal_bus.task");

    private final Tracer tracer;

    private OpenTelemetryBusTracing(OpenTelemetry openTelemetry) {
        this.tracer = Objects.requireNonNull(openTelemetry, "openTelemetry").getTracer(INSTRUMENTATION);
    }

    /**
     * Spans of {@code openTelemetry}'s tracer provider; the publisher's logging MDC travels with the
     * signal too (a subscriber logs with the publisher's MDC values while it runs).
     */
    public static BusTracing of(OpenTelemetry openTelemetry) {
        return new MdcBusTracing(new OpenTelemetryBusTracing(openTelemetry));
    }

    @Override
    public Object capture() {
        return Context.current();
    }

    @Override
    public BusTracing.Traced delivery(String topic, String target, Object context) {
        Context parent = context instanceof Context captured ? captured : Context.root();
        return start(consumer(topic, target).setParent(parent), parent);
    }

    @Override
    public BusTracing.Traced batch(String topic, String target, List<Object> contexts) {
        SpanBuilder builder = consumer(topic, target).setNoParent().setAttribute(BATCH_COUNT, (long) contexts.size());
        for (Object context : contexts) {
            if (context instanceof Context captured) {
                SpanContext link = Span.fromContext(captured).getSpanContext();
                if (link.isValid()) {
                    builder.addLink(link);
                }
            }
        }
        return start(builder, Context.root());
    }

    @Override
    public BusTracing.Traced run(String target) {
        return start(tracer.spanBuilder(target + " run").setSpanKind(SpanKind.INTERNAL).setNoParent()
                .setAttribute(SYSTEM, "signal-bus").setAttribute(TASK, target), Context.root());
    }

    private SpanBuilder consumer(String topic, String target) {
        return tracer.spanBuilder(topic + " process").setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "signal-bus")
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION_TYPE, "process")
                .setAttribute(OPERATION_NAME, "process")
                .setAttribute(SUBSCRIBER, target);
    }

    private static BusTracing.Traced start(SpanBuilder builder, Context parent) {
        Span span = builder.startSpan();
        // the parent's other entries (baggage) stay visible to the subscriber
        Scope scope = parent.with(span).makeCurrent();
        return new BusTracing.Traced() {
            @Override
            public void detach() {
                scope.close();
            }

            @Override
            public void end(Throwable failure) {
                if (failure != null) {
                    span.recordException(failure);
                    span.setStatus(StatusCode.ERROR, failure.toString());
                }
                span.end();
            }
        };
    }
}
