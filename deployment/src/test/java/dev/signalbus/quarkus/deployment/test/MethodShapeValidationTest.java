package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Badly shaped methods fail the build, all reported together, each naming Class#method: @Subscribes on two
 * parameters, private and static methods, a blank topic, a void publisher.
 */
public class MethodShapeValidationTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Shapes.class))
            .assertException(failure -> {
                String text = Messages.of(failure);
                String shapes = Shapes.class.getName();
                assertThat(text).contains(shapes + "#twoTopics").contains("@Subscribes on 2 parameters");
                assertThat(text).contains(shapes + "#privateSubscriber").contains("must not be private");
                assertThat(text).contains(shapes + "#staticTask").contains("must not be static");
                assertThat(text).contains(shapes + "#privatePublisher");
                assertThat(text).contains(shapes + "#blankTopic");
                assertThat(text).contains(shapes + "#voidPublisher");
            });

    @Test
    void buildFails() {
        // the assertion is on the build failure above
    }

    @ApplicationScoped
    static class Shapes {
        void twoTopics(@Subscribes("a") String a, @Subscribes("b") String b) {
        }

        private void privateSubscriber(@Subscribes("a") String a) {
        }

        @PeriodicTask(every = "1s")
        static void staticTask() {
        }

        @Publishes("a")
        private String privatePublisher() {
            return "a";
        }

        void blankTopic(@Subscribes(" ") String signal) {
        }

        @Publishes("a")
        void voidPublisher() {
        }
    }
}
