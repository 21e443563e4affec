package dev.signalbus.it.jee;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;

import org.jboss.logging.Logger;

/** Example 1: a publisher whose return value goes to the two subscribers of topic "foo". */
@ApplicationScoped
public class FooPublisher {

    private static final Logger LOG = Logger.getLogger(FooPublisher.class);

    /** Publishes {@code message:arg} to topic "foo" once this returns. */
    @Publishes("foo")
    public Message publish(String arg) {
        Message signal = new Message("message:" + arg);
        LOG.infof("publishing %s", signal);
        return signal;
    }
}
