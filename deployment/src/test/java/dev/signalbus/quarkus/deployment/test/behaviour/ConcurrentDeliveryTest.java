package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.ConcurrentDelivery;
import io.quarkus.test.QuarkusUnitTest;

public class ConcurrentDeliveryTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(ConcurrentDelivery.class);
}
