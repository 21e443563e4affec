package dev.signalbus.it.jee;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Subscribes;

/** Records which {@link RequestTag} each delivery of topic "probe" sees. */
@ApplicationScoped
class RequestScopeProbe {

    void probe(@Subscribes("probe") String signal, RequestTag tag, Deliveries deliveries) {
        deliveries.record("probe-subscriber", signal + "|" + tag.id());
    }
}
