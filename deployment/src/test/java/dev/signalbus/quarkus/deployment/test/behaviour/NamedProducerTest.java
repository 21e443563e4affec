package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.NamedProducer;
import io.quarkus.test.QuarkusUnitTest;

public class NamedProducerTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(NamedProducer.class);
}
