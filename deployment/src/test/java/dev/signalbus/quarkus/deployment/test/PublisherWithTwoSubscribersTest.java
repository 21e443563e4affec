package dev.signalbus.quarkus.deployment.test;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.TwoSubscribers;
import io.quarkus.test.QuarkusUnitTest;

/** Seed example 1 on Quarkus: {@link TwoSubscribers}. */
public class PublisherWithTwoSubscribersTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(TwoSubscribers.CLASSES));

    @Inject
    TwoSubscribers.FooPublisher publisher;

    @Inject
    TwoSubscribers.FooSubscribers subscribers;

    @Test
    void everySignalReachesBothSubscribersInPublishOrder() {
        TwoSubscribers.run(publisher, subscribers);
    }
}
