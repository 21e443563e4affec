package dev.signalbus.quarkus.deployment.test.behaviour.validation;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.validation.EndlessDurations;
import dev.signalbus.quarkus.deployment.test.behaviour.OnQuarkus;
import io.quarkus.test.QuarkusUnitTest;

public class EndlessDurationsTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(EndlessDurations.class);
}
