package dev.signalbus.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.signalbus.Subscribes;

/** Example 2: a subscriber whose second parameter is injected. */
@ApplicationScoped
public class GreetingPrinter {

    @Inject
    Console console;

    void printGreeting(@Subscribes("greeting") String greeting, @Named("name") String name) {
        console.println(Greetings.TAG, greeting + " from " + name);
    }
}
