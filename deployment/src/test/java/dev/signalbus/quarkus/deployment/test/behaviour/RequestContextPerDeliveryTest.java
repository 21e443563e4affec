package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.RequestContextPerDelivery;
import io.quarkus.test.QuarkusUnitTest;

public class RequestContextPerDeliveryTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(RequestContextPerDelivery.class);
}
