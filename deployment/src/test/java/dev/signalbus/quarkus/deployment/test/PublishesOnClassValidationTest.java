package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Publishes;
import io.quarkus.test.QuarkusUnitTest;

/** {@code @Publishes} on a bean class is a definition error naming the class and the fix. */
public class PublishesOnClassValidationTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Everything.class))
            .assertException(failure -> assertThat(Messages.of(failure))
                    .contains(Everything.class.getName() + ": @Publishes on a class is not supported")
                    .contains("put it on the methods"));

    @Test
    void buildFails() {
        // the assertion is on the build failure above
    }

    @ApplicationScoped
    @Publishes("everything")
    static class Everything {
        String value() {
            return "x";
        }
    }
}
