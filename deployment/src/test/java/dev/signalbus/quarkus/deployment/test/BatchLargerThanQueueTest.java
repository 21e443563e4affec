package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Batch;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A {@code @Batch} whose maxSize exceeds its queue's capacity stops the application at start, naming the method and
 * the setting (issue 10, fault 4: publishers used to be refused while the batch waited to fill).
 */
public class BatchLargerThanQueueTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Readings.class))
            .overrideConfigKey("quarkus.signal-bus.queue-capacity", "4")
            .assertException(failure -> assertThat(Messages.of(failure))
                    .contains(Readings.class.getName() + "#store").contains("@Batch(maxSize = 10)")
                    .contains("holds at most 4 signals").contains("quarkus.signal-bus.queue-capacity"));

    @Test
    void doesNotStart() {
        // the assertion is on the start failure above
    }

    @ApplicationScoped
    public static class Readings {
        @Batch(maxSize = 10)
        void store(@Subscribes("readings") List<String> readings) {
        }
    }
}
