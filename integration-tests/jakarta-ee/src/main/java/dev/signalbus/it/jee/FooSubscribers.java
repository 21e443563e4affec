package dev.signalbus.it.jee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.signalbus.Subscribes;

import org.jboss.logging.Logger;

/** Example 1: two subscribers of topic "foo"; each gets every signal. */
@ApplicationScoped
class FooSubscribers {

    private static final Logger LOG = Logger.getLogger(FooSubscribers.class);

    @Inject
    Deliveries deliveries;

    void fooSubscriber0(@Subscribes("foo") Message signal) {
        LOG.infof("foo subscriber 0 received %s", signal);
        deliveries.record("foo-subscriber-0", signal.message());
    }

    void fooSubscriber1(@Subscribes("foo") Message signal) {
        LOG.infof("foo subscriber 1 received %s", signal);
        deliveries.record("foo-subscriber-1", signal.message());
    }
}
