package dev.signalbus.it.kafka;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;
import io.opentelemetry.api.trace.Span;

/** The sender's publisher: every order it returns goes to topic {@code orders}, bridged to Kafka. */
@ApplicationScoped
public class OrderPublisher {

    /** Trace ids seen inside the publisher method, for orders whose payload is {@code trace} (case 6). */
    private final ConcurrentMap<Long, String> traceIds = new ConcurrentHashMap<>();

    @Publishes("orders")
    public Order publish(long id, String payload) {
        if ("trace".equals(payload)) {
            traceIds.put(id, Span.current().getSpanContext().getTraceId());
        }
        return new Order(id, payload);
    }

    /** Methods, not fields: callers hold a client proxy. */
    String traceId(long id) {
        return traceIds.getOrDefault(id, "");
    }
}
