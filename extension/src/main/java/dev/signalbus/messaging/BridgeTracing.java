package dev.signalbus.messaging;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import dev.signalbus.model.OptionalApis;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.TracingMetadata;

/**
 * Trace context across the broker, when OpenTelemetry is present: a message sent carries the
 * context of the delivery that sends it (so the connector's send span, and the receiver's spans,
 * continue the publisher's trace); a message received makes the connector's receive context
 * current while it is published, so that every local delivery continues it.
 */
final class BridgeTracing {

    private static final boolean PRESENT = OptionalApis.isPresent("io.opentelemetry.context.Context");

    private BridgeTracing() {
    }

    /** The metadata of a message sent now. */
    static Metadata metadata() {
        return PRESENT ? Otel.metadata() : Metadata.empty();
    }

    /** Runs {@code publish} with the message's trace context current, if it has one. */
    static void receive(Message<?> message, Runnable publish) {
        if (PRESENT) {
            Otel.receive(message, publish);
        } else {
            publish.run();
        }
    }

    /** Loaded only when OpenTelemetry is present. */
    private static final class Otel {

        static Metadata metadata() {
            Context current = Context.current();
            // without a span there is nothing to continue: no metadata for the connector to look through
            return Span.fromContext(current).getSpanContext().isValid()
                    ? Metadata.of(TracingMetadata.withCurrent(current))
                    : Metadata.empty();
        }

        static void receive(Message<?> message, Runnable publish) {
            Context context = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext).orElse(null);
            if (context == null) {
                publish.run();
                return;
            }
            try (Scope scope = context.makeCurrent()) {
                publish.run();
            }
        }
    }
}
