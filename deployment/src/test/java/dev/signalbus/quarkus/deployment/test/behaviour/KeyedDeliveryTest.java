package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.KeyedDelivery;
import io.quarkus.test.QuarkusUnitTest;

public class KeyedDeliveryTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(KeyedDelivery.class);
}
