package dev.signalbus.it.jee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.signalbus.SignalFailure;
import dev.signalbus.Subscribes;

/**
 * A subscriber that always fails, beside one that does not, and an observer of the
 * {@link SignalFailure} events the bus fires for it.
 */
@ApplicationScoped
class FailingSubscriber {

    void refuse(@Subscribes("orders") String order) {
        throw new IllegalStateException("refused " + order);
    }

    void accept(@Subscribes("orders") String order, Deliveries deliveries) {
        deliveries.record("orders-accepted", order);
    }

    void onFailure(@Observes SignalFailure failure, Deliveries deliveries) {
        deliveries.record("failure", failure.topic() + "|" + failure.target() + "|" + failure.signal() + "|"
                + failure.failure().getClass().getName() + ": " + failure.failure().getMessage());
    }
}
