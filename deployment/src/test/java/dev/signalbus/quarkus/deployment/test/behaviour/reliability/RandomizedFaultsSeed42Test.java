package dev.signalbus.quarkus.deployment.test.behaviour.reliability;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.reliability.RandomizedFaultsSeed42;
import dev.signalbus.quarkus.deployment.test.behaviour.OnQuarkus;
import io.quarkus.test.QuarkusUnitTest;

public class RandomizedFaultsSeed42Test extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(RandomizedFaultsSeed42.class);
}
