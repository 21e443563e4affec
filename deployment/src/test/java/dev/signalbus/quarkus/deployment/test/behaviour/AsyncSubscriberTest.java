package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.AsyncSubscriber;
import io.quarkus.test.QuarkusUnitTest;

public class AsyncSubscriberTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(AsyncSubscriber.class);
}
