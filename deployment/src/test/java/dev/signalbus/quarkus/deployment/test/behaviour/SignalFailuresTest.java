package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.SignalFailures;
import io.quarkus.test.QuarkusUnitTest;

public class SignalFailuresTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(SignalFailures.class);
}
