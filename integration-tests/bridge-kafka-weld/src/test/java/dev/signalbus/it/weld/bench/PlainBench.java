package dev.signalbus.it.weld.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.signalbus.it.weld.Order;

/**
 * Plain SmallRye Reactive Messaging, what an application writes without Signal Bus: an emitter sends the JSON of
 * each {@link Order} to channel {@code plain-out}, an {@code @Incoming} method reads channel {@code plain-in} back
 * into an {@link Order} (the same Jackson reading the bridge does) and counts it. The emitter's buffer is unbounded
 * like the bridge's own emitter (which bounds what is unanswered itself).
 */
@ApplicationScoped
public class PlainBench extends Bench {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final ObjectReader READER = JSON.readerFor(Order.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Inject
    @Channel("plain-out")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<String> emitter;

    @Override
    public Order send(long id) throws JsonProcessingException {
        Order order = new Order(id, "bench");
        emitter.send(JSON.writeValueAsString(order));
        return order;
    }

    @Incoming("plain-in")
    void count(String text) throws JsonProcessingException {
        received(READER.readValue(text));
    }

    @Override
    String mode() {
        return "plain";
    }
}
