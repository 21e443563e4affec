package dev.signalbus.quarkus.deployment.test;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.SignalBus;
import dev.signalbus.behaviour.KeyedScenario;
import io.quarkus.test.QuarkusUnitTest;

/** {@code @Subscribes(key = ...)} on Quarkus, the key read by code generated at build time: {@link KeyedScenario}. */
public class KeyedSubscriberTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(KeyedScenario.CLASSES))
            .overrideConfigKey("quarkus.signal-bus.queue-capacity", "100000");

    @Inject
    SignalBus bus;

    @Inject
    KeyedScenario.Receivers receivers;

    @Test
    void perKeyInPublishOrderAndParallelAcrossKeys() {
        KeyedScenario.run(bus, receivers);
    }
}
