package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.PublishOrder;
import io.quarkus.test.QuarkusUnitTest;

public class PublishOrderTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(PublishOrder.class);
}
