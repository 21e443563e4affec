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
 * Durations longer than 365 days in annotations fail the build, naming each method (issue 10, fault 3: they used to
 * pass and then overflow at the first partial batch or at start).
 */
public class DurationBoundValidationTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Endless.class))
            .assertException(failure -> {
                String text = Messages.of(failure);
                String endless = Endless.class.getName();
                assertThat(text).contains(endless + "#store").contains("@Batch(maxWait = \"200000d\")")
                        .contains(endless + "#poll").contains("@PeriodicTask(every = \"200000d\")")
                        .contains(endless + "#later").contains("@PeriodicTask(delay = \"200000d\")")
                        .contains("longer than 365 days");
            });

    @Test
    void buildFails() {
        // the assertion is on the build failure above
    }

    @ApplicationScoped
    static class Endless {
        @Batch(maxWait = "200000d")
        void store(@Subscribes("readings") List<String> readings) {
        }

        @PeriodicTask(every = "200000d")
        void poll() {
        }

        @PeriodicTask(every = "1s", delay = "200000d")
        void later() {
        }
    }
}
