package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Batch;
import dev.signalbus.PeriodicTask;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Bad annotation values fail the build, all reported together, each naming Class#method: @Batch without a List
 * parameter, unparsable every/delay/maxWait, non-positive concurrency and maxSize.
 */
public class AnnotationValueValidationTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Values.class))
            .assertException(failure -> {
                String text = Messages.of(failure);
                String values = Values.class.getName();
                assertThat(text).contains(values + "#batchWithoutList");
                assertThat(text).contains(values + "#badEvery").contains("soon");
                assertThat(text).contains(values + "#badDelay").contains("later");
                assertThat(text).contains(values + "#badMaxWait").contains("a while");
                assertThat(text).contains(values + "#zeroConcurrency");
                assertThat(text).contains(values + "#zeroMaxSize");
            });

    @Test
    void buildFails() {
        // the assertion is on the build failure above
    }

    @ApplicationScoped
    static class Values {
        @Batch
        void batchWithoutList(@Subscribes("a") String signal) {
        }

        @PeriodicTask(every = "soon")
        void badEvery() {
        }

        @PeriodicTask(every = "1s", delay = "later")
        void badDelay() {
        }

        @Batch(maxWait = "a while")
        void badMaxWait(@Subscribes("a") java.util.List<String> signals) {
        }

        void zeroConcurrency(@Subscribes(value = "a", concurrency = 0) String signal) {
        }

        @Batch(maxSize = 0)
        void zeroMaxSize(@Subscribes("a") java.util.List<String> signals) {
        }
    }
}
