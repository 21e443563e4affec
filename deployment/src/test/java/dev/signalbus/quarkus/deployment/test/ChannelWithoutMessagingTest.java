package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.DefinitionError;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A topic that names a channel in an application without a messaging extension does not start quietly without its
 * broker: the start fails, naming the key and the extension to add.
 */
public class ChannelWithoutMessagingTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Subscriber.class))
            .overrideConfigKey("quarkus.signal-bus.topics.orders.incoming", "orders-in")
            .assertException(failure -> assertThat(DefinitionError.messages(failure))
                    .contains("quarkus.signal-bus.topics.\"orders\"").contains("quarkus-messaging-kafka"));

    @Test
    void doesNotStart() {
        // the assertion is on the start failure above
    }

    @ApplicationScoped
    public static class Subscriber {
        void receive(@Subscribes("orders") String order) {
        }
    }
}
