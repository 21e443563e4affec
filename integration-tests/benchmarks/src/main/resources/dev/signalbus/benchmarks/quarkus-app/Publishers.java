package bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import dev.signalbus.Publishes;
import io.vertx.core.eventbus.EventBus;

/** The publishing side of every peer, one method per peer and fan-out. */
@ApplicationScoped
public class Publishers {

    @Inject
    EventBus eventBus;

    @Inject
    @One
    Event<Payload> one;

    @Inject
    @Four
    Event<Payload> four;

    /** Signal Bus, the user path: the interceptor publishes the returned signal to the topic's subscribers. */
    @Publishes("one")
    public Payload signalBusOne(Payload payload) {
        return payload;
    }

    @Publishes("four")
    public Payload signalBusFour(Payload payload) {
        return payload;
    }

    public void eventBus(String address, Payload payload) {
        eventBus.publish(address, payload);
    }

    public void arcAsync(int subscribers, Payload payload) {
        (subscribers == 1 ? one : four).fireAsync(payload);
    }
}
