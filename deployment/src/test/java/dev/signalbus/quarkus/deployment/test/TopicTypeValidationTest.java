package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/** A subscriber whose parameter cannot accept what the topic's publishers return fails the build (generics too). */
public class TopicTypeValidationTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Publishers.class, Subscribers.class))
            .assertException(failure -> {
                String text = Messages.of(failure);
                assertThat(text).contains(Subscribers.class.getName() + "#onCount")
                        .contains(Publishers.class.getName() + "#count");
                assertThat(text).contains(Subscribers.class.getName() + "#onNames")
                        .contains(Publishers.class.getName() + "#names");
                assertThat(text).doesNotContain(Subscribers.class.getName() + "#onAnyNumber");
            });

    @Test
    void buildFails() {
        // the assertion is on the build failure above
    }

    @ApplicationScoped
    static class Publishers {
        @Publishes("counts")
        Integer count() {
            return 1;
        }

        @Publishes("names")
        List<String> names() {
            return List.of("a");
        }
    }

    @ApplicationScoped
    static class Subscribers {
        void onCount(@Subscribes("counts") String count) {
        }

        void onAnyNumber(@Subscribes("counts") Number count) {
        }

        void onNames(@Subscribes("names") List<Integer> names) {
        }
    }
}
