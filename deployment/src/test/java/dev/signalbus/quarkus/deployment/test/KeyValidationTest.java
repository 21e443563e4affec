package dev.signalbus.quarkus.deployment.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.BadKeys;
import io.quarkus.test.QuarkusUnitTest;

/** Bad keys fail the build on Quarkus: {@link BadKeys}. */
public class KeyValidationTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(BadKeys.CLASSES))
            .assertException(failure -> BadKeys.check(Messages.of(failure)));

    @Test
    void buildFails() {
        // the assertion is on the build failure above
    }
}
