package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.PrimitiveSignal;
import io.quarkus.test.QuarkusUnitTest;

public class PrimitiveSignalTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(PrimitiveSignal.class);
}
