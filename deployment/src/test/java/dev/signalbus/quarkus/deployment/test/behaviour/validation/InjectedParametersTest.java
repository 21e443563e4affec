package dev.signalbus.quarkus.deployment.test.behaviour.validation;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.validation.InjectedParameters;
import dev.signalbus.quarkus.deployment.test.behaviour.OnQuarkus;
import io.quarkus.test.QuarkusUnitTest;

public class InjectedParametersTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(InjectedParameters.class);
}
