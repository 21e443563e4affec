package dev.signalbus.quarkus.deployment.test.behaviour.reliability;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.reliability.NegativeSettings;
import dev.signalbus.quarkus.deployment.test.behaviour.OnQuarkus;
import io.quarkus.test.QuarkusUnitTest;

public class NegativeSettingsTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(NegativeSettings.class);
}
