package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

/** A subscriber whose parameter cannot accept what the topic's publishers return is a deployment error naming both methods, generics included. */
class TopicTypeMismatchValidationTest {

    @Test
    void deploymentFailsNamingTheMethod() {
        String message = Cdi.deploymentFailure(Publisher.class, Subscriber.class);
        assertThat(message)
                .contains(Subscriber.class.getName() + "#onCount").contains(Publisher.class.getName() + "#count")
                .contains(Subscriber.class.getName() + "#onNames").contains(Publisher.class.getName() + "#names");
    }

    @ApplicationScoped
    static class Publisher {
        @Publishes("counts")
        Integer count() {
            return 1;
        }

        @Publishes("names")
        List<Integer> names() {
            return List.of(1);
        }
    }

    @ApplicationScoped
    static class Subscriber {
        void onCount(@Subscribes("counts") String count) {
        }

        void onNames(@Subscribes("names") List<String> names) {
        }
    }
}
