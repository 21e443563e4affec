package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.PeriodicPublisher;
import io.quarkus.test.QuarkusUnitTest;

public class PeriodicPublisherTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(PeriodicPublisher.class);
}
