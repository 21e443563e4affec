package dev.signalbus.behaviour.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.DefinitionError;

/**
 * A subscriber whose parameter cannot accept what a publisher of its topic returns is a definition error naming both
 * methods, generics included; a subscriber of a supertype is fine.
 */
public class TopicTypeMismatch extends DefinitionError {

    @Override
    public void check(String messages, String settingsPrefix) {
        String publishers = Publishers.class.getName();
        String subscribers = Subscribers.class.getName();
        assertThat(messages)
                .contains("Topic \"counts\": " + subscribers + "#onCount(String) cannot accept what " + publishers
                        + "#count() publishes")
                .contains("Topic \"names\": " + subscribers + "#onNames(List<String>) cannot accept what "
                        + publishers + "#names() publishes")
                .contains("change the @Subscribes parameter to java.lang.Integer or a supertype of it")
                .doesNotContain(subscribers + "#onAnyNumber");
    }

    @ApplicationScoped
    public static class Publishers {
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
    public static class Subscribers {
        void onCount(@Subscribes("counts") String count) {
        }

        void onAnyNumber(@Subscribes("counts") Number count) {
        }

        void onNames(@Subscribes("names") List<String> names) {
        }
    }
}
