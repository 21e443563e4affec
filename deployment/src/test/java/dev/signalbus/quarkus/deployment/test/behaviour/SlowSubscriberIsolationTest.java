package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.SlowSubscriberIsolation;
import io.quarkus.test.QuarkusUnitTest;

public class SlowSubscriberIsolationTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(SlowSubscriberIsolation.class);
}
