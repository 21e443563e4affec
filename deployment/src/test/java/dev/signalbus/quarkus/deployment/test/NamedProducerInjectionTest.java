package dev.signalbus.quarkus.deployment.test;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.NamedProducer;
import io.quarkus.test.QuarkusUnitTest;

/** Seed example 2 on Quarkus: {@link NamedProducer}. */
public class NamedProducerInjectionTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(NamedProducer.CLASSES));

    @Inject
    NamedProducer.GreetingPublisher publisher;

    @Inject
    NamedProducer.Events events;

    @Test
    void producerIsCalledPerDeliveryAndItsInstanceDestroyedAfterTheCall() {
        NamedProducer.run(publisher, events);
    }
}
