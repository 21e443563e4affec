package dev.signalbus.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.signalbus.PeriodicTask;

/** Example 3: a periodic task, every half second while the application runs. */
@ApplicationScoped
public class Foos {

    /** The tag of example 3's lines. */
    public static final String TAG = "3 periodic task";

    @Inject
    Console console;

    @PeriodicTask(every = "0.5s")
    void printFoos() {
        console.println(TAG, "foo");
    }
}
