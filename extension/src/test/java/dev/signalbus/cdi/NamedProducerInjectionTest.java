package dev.signalbus.cdi;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.behaviour.NamedProducer;

/** Seed example 2 on Weld SE: {@link NamedProducer}. */
class NamedProducerInjectionTest {

    @Test
    void producerIsCalledPerDeliveryAndItsInstanceDestroyedAfterTheCall() {
        try (WeldContainer container = Cdi.boot(NamedProducer.CLASSES)) {
            NamedProducer.run(container.select(NamedProducer.GreetingPublisher.class).get(),
                    container.select(NamedProducer.Events.class).get());
        }
    }
}
