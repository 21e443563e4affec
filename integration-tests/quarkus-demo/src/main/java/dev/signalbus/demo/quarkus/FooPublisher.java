package dev.signalbus.demo.quarkus;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.signalbus.Publishes;
import io.smallrye.mutiny.Uni;

/**
 * Example 1: a publisher. Like the Python coroutine it takes a second: it returns a {@code Uni}, whose item is
 * published when it is emitted.
 */
@ApplicationScoped
public class FooPublisher {

    static final String TAG = "1 publisher";

    @Inject
    Console console;

    @Publishes("foo")
    public Uni<Message> fooPublisher(String arg) {
        Message signal = new Message(arg);
        console.println(TAG, "publishing " + signal);
        return Uni.createFrom().item(signal).onItem().delayIt().by(Duration.ofSeconds(1));
    }
}
