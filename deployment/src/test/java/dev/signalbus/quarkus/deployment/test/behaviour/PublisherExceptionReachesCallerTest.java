package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.PublisherExceptionReachesCaller;
import io.quarkus.test.QuarkusUnitTest;

public class PublisherExceptionReachesCallerTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(PublisherExceptionReachesCaller.class);
}
