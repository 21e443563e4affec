package dev.signalbus.cdi;

import java.util.Map;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalBus;
import dev.signalbus.behaviour.KeyedScenario;

/** {@code @Subscribes(key = ...)} on Weld SE, the key read through a method handle: {@link KeyedScenario}. */
class KeyedSubscriberTest {

    @Test
    void perKeyInPublishOrderAndParallelAcrossKeys() {
        try (WeldContainer container = Cdi.boot(Map.of("signal-bus.queue-capacity", "100000"),
                KeyedScenario.CLASSES)) {
            KeyedScenario.run(container.select(SignalBus.class).get(),
                    container.select(KeyedScenario.Receivers.class).get());
        }
    }
}
