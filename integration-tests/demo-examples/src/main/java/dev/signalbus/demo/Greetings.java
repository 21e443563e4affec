package dev.signalbus.demo;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;

/** Example 2: publishes a greeting. */
@ApplicationScoped
public class Greetings {

    /** The tag of example 2's lines. */
    public static final String TAG = "2 injection";

    @Publishes("greeting")
    public String generateGreeting(String arg) {
        return arg;
    }
}
