package dev.signalbus.demo.quarkus;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;

/** Example 2: publishes a greeting. */
@ApplicationScoped
public class Greetings {

    static final String TAG = "2 injection";

    @Publishes("greeting")
    public String generateGreeting(String arg) {
        return arg;
    }
}
