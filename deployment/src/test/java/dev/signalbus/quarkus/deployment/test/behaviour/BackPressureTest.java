package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.BackPressure;
import io.quarkus.test.QuarkusUnitTest;

public class BackPressureTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(BackPressure.class);
}
