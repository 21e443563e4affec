package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.DependentSubscriber;
import io.quarkus.test.QuarkusUnitTest;

public class DependentSubscriberTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(DependentSubscriber.class);
}
