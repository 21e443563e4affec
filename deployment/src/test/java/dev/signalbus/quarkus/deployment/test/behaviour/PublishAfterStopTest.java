package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.PublishAfterStop;
import io.quarkus.test.QuarkusUnitTest;

public class PublishAfterStopTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(PublishAfterStop.class);
}
