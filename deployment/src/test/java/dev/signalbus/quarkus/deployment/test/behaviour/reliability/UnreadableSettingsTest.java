package dev.signalbus.quarkus.deployment.test.behaviour.reliability;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.reliability.UnreadableSettings;
import dev.signalbus.quarkus.deployment.test.behaviour.OnQuarkus;
import io.quarkus.test.QuarkusUnitTest;

public class UnreadableSettingsTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(UnreadableSettings.class);
}
