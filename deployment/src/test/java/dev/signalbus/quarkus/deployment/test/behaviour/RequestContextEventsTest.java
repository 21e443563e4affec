package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.RequestContextEvents;
import io.quarkus.test.QuarkusUnitTest;

public class RequestContextEventsTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(RequestContextEvents.class);
}
