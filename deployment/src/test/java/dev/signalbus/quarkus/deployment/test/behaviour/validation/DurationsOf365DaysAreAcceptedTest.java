package dev.signalbus.quarkus.deployment.test.behaviour.validation;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.validation.DurationsOf365DaysAreAccepted;
import dev.signalbus.quarkus.deployment.test.behaviour.OnQuarkus;
import io.quarkus.test.QuarkusUnitTest;

public class DurationsOf365DaysAreAcceptedTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(DurationsOf365DaysAreAccepted.class);
}
