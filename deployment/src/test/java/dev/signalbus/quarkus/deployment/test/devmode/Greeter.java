package dev.signalbus.quarkus.deployment.test.devmode;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Subscribes;

/** The subscriber the dev-mode test edits: {@code v1} becomes {@code v2}, then a broken and a mended shape. */
@ApplicationScoped
public class Greeter {

    void greet(@Subscribes("names") String name, Received received) {
        received.last = "v1:" + name;
    }
}
