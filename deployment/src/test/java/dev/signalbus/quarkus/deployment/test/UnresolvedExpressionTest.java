package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Batch;
import dev.signalbus.PeriodicTask;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A config expression in {@code every} cannot be checked at build time; when the application starts without a value
 * for it, the start fails with a message naming Class#method, the attribute and the key — every such problem in one
 * failure, as the portable extension reports them.
 */
public class UnresolvedExpressionTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Poller.class))
            .assertException(failure -> assertThat(Messages.of(failure))
                    .contains(Poller.class.getName() + "#poll")
                    .contains("@PeriodicTask(every)")
                    .contains("poller.every")
                    .contains(Poller.class.getName() + "#later").contains("@PeriodicTask(delay)")
                    .contains("poller.delay")
                    .contains(Poller.class.getName() + "#store").contains("@Batch(maxWait)")
                    .contains("store.wait"));

    @Test
    void startFails() {
        // the assertion is on the failure above
    }

    @ApplicationScoped
    static class Poller {
        @PeriodicTask(every = "${poller.every}")
        void poll() {
        }

        @PeriodicTask(every = "1s", delay = "${poller.delay}")
        void later() {
        }

        @Batch(maxWait = "${store.wait}")
        void store(@Subscribes("readings") List<String> readings) {
        }
    }
}
