package dev.signalbus.cdi;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.behaviour.TwoSubscribers;

/** Seed example 1 on Weld SE: {@link TwoSubscribers}. */
class PublisherWithTwoSubscribersTest {

    @Test
    void everySignalReachesBothSubscribersInPublishOrder() {
        try (WeldContainer container = Cdi.boot(TwoSubscribers.CLASSES)) {
            TwoSubscribers.run(container.select(TwoSubscribers.FooPublisher.class).get(),
                    container.select(TwoSubscribers.FooSubscribers.class).get());
        }
    }
}
