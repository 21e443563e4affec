package dev.signalbus.quarkus.deployment.test.behaviour.reliability;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.reliability.RandomizedFaultsSeed20261126;
import dev.signalbus.quarkus.deployment.test.behaviour.OnQuarkus;
import io.quarkus.test.QuarkusUnitTest;

public class RandomizedFaultsSeed20261126Test extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(RandomizedFaultsSeed20261126.class);
}
