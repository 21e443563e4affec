package dev.signalbus.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.signalbus.Subscribes;

/**
 * Example 1: two subscribers of the same topic; each receives every signal. The publisher is each demo's own
 * {@code FooPublisher}: its asynchronous result type depends on the container.
 */
@ApplicationScoped
public class FooSubscribers {

    /** The tag of example 1's lines, the publisher's included. */
    public static final String TAG = "1 publisher";

    @Inject
    Console console;

    void fooSubscriber0(@Subscribes("foo") Message signal) {
        console.println(TAG, "foo subscriber 0 received " + signal);
    }

    void fooSubscriber1(@Subscribes("foo") Message signal) {
        console.println(TAG, "foo subscriber 1 received " + signal);
    }
}
