package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.PeriodicFailure;
import io.quarkus.test.QuarkusUnitTest;

public class PeriodicFailureTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(PeriodicFailure.class);
}
