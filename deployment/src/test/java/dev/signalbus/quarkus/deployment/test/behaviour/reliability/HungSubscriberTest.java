package dev.signalbus.quarkus.deployment.test.behaviour.reliability;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.reliability.HungSubscriber;
import dev.signalbus.quarkus.deployment.test.behaviour.OnQuarkus;
import io.quarkus.test.QuarkusUnitTest;

public class HungSubscriberTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(HungSubscriber.class);
}
