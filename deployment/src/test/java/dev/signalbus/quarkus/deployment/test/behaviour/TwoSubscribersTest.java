package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.TwoSubscribers;
import io.quarkus.test.QuarkusUnitTest;

public class TwoSubscribersTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(TwoSubscribers.class);
}
