package dev.signalbus.quarkus.deployment.test.behaviour.reliability;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.reliability.RandomizedFaultsSeed1;
import dev.signalbus.quarkus.deployment.test.behaviour.OnQuarkus;
import io.quarkus.test.QuarkusUnitTest;

public class RandomizedFaultsSeed1Test extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(RandomizedFaultsSeed1.class);
}
