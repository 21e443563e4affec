package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.UniPublisher;
import io.quarkus.test.QuarkusUnitTest;

public class UniPublisherTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(UniPublisher.class);
}
