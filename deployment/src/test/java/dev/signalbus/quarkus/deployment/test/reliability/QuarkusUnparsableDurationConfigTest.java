package dev.signalbus.quarkus.deployment.test.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/** Case 8 on Quarkus: an unparsable shutdown timeout stops the application at start, and the error names the key. */
public class QuarkusUnparsableDurationConfigTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Subscriber.class))
            .overrideConfigKey("quarkus.signal-bus.shutdown-timeout", "soon")
            .assertException(failure -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                    messages.append(t).append('\n');
                }
                assertThat(messages.toString()).contains("quarkus.signal-bus.shutdown-timeout").contains("soon");
            });

    @Test
    void doesNotStart() {
        // never runs: the application fails to start
    }

    @ApplicationScoped
    public static class Subscriber {
        void receive(@Subscribes("orders") String order) {
        }
    }
}
