package dev.signalbus.demo.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.signalbus.Subscribes;

/** Example 1: two subscribers of the same topic; each receives every signal. */
@ApplicationScoped
public class FooSubscribers {

    @Inject
    Console console;

    void fooSubscriber0(@Subscribes("foo") Message signal) {
        console.println(FooPublisher.TAG, "foo subscriber 0 received " + signal);
    }

    void fooSubscriber1(@Subscribes("foo") Message signal) {
        console.println(FooPublisher.TAG, "foo subscriber 1 received " + signal);
    }
}
