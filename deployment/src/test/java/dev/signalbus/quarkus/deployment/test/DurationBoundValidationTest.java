package dev.signalbus.quarkus.deployment.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.EndlessDurations;
import io.quarkus.test.QuarkusUnitTest;

/** Durations longer than 365 days in annotations fail the build, naming each method: {@link EndlessDurations}. */
public class DurationBoundValidationTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(EndlessDurations.class))
            .assertException(failure -> EndlessDurations.check(Messages.of(failure)));

    @Test
    void buildFails() {
        // the assertion is on the build failure above
    }
}
