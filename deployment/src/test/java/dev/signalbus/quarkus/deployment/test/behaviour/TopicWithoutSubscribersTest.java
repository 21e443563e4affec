package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.TopicWithoutSubscribers;
import io.quarkus.test.QuarkusUnitTest;

public class TopicWithoutSubscribersTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(TopicWithoutSubscribers.class);
}
