package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A shutdown timeout longer than 365 days stops the application at start, naming the key (issue 10, fault 3: closing
 * the application used to throw, with no drain).
 */
public class DurationBoundConfigTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Subscriber.class))
            .overrideConfigKey("quarkus.signal-bus.shutdown-timeout", "200000d")
            .overrideConfigKey("quarkus.signal-bus.publish-timeout", "366d")
            .assertException(failure -> assertThat(Messages.of(failure))
                    .contains("quarkus.signal-bus.shutdown-timeout").contains("quarkus.signal-bus.publish-timeout")
                    .contains("365 days"));

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
