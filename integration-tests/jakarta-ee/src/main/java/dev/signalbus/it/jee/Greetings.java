package dev.signalbus.it.jee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

import org.jboss.logging.Logger;

/** Example 2: a subscriber with a value injected from a {@code @Produces @Named("bar")} method. */
@ApplicationScoped
public class Greetings {

    private static final Logger LOG = Logger.getLogger(Greetings.class);

    /** Publishes the greeting to topic "greeting". */
    @Publishes("greeting")
    public String greet(String greeting) {
        return greeting;
    }

    // Every parameter but the signal is an injection point, resolved for each call.
    void receive(@Subscribes("greeting") String greeting, @Named("bar") String bar, Deliveries deliveries) {
        LOG.infof("greeting subscriber received %s with %s", greeting, bar);
        deliveries.record("greeting-subscriber", greeting + "|" + bar);
    }
}
