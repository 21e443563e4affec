package dev.signalbus.quarkus.deployment.test.devmode;

import jakarta.enterprise.context.ApplicationScoped;

/** What the subscriber received last, for the HTTP route to show. */
@ApplicationScoped
public class Received {

    volatile String last = "nothing";
}
