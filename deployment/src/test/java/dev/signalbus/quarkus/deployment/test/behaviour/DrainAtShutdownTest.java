package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.DrainAtShutdown;
import io.quarkus.test.QuarkusUnitTest;

public class DrainAtShutdownTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(DrainAtShutdown.class);
}
