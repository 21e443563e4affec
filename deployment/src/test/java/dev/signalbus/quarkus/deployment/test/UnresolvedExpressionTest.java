package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.PeriodicTask;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A config expression in {@code every} cannot be checked at build time; when the application starts without a value
 * for it, the start fails with a message naming Class#method, the attribute and the key.
 */
public class UnresolvedExpressionTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Poller.class))
            .assertException(failure -> assertThat(Messages.of(failure))
                    .contains(Poller.class.getName() + "#poll")
                    .contains("@PeriodicTask(every)")
                    .contains("poller.every"));

    @Test
    void startFails() {
        // the assertion is on the failure above
    }

    @ApplicationScoped
    static class Poller {
        @PeriodicTask(every = "${poller.every}")
        void poll() {
        }
    }
}
