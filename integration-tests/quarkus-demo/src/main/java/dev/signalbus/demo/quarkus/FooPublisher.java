package dev.signalbus.demo.quarkus;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.signalbus.Publishes;
import dev.signalbus.demo.Console;
import dev.signalbus.demo.FooSubscribers;
import dev.signalbus.demo.Message;
import io.smallrye.mutiny.Uni;

/**
 * Example 1: a publisher. Like the Python coroutine it takes a second: it returns a {@code Uni}, whose item is
 * published when it is emitted.
 */
@ApplicationScoped
public class FooPublisher {

    @Inject
    Console console;

    @Publishes("foo")
    public Uni<Message> fooPublisher(String arg) {
        Message signal = new Message(arg);
        console.println(FooSubscribers.TAG, "publishing " + signal);
        return Uni.createFrom().item(signal).onItem().delayIt().by(Duration.ofSeconds(1));
    }
}
