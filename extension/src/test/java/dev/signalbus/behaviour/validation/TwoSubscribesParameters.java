package dev.signalbus.behaviour.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.DefinitionError;

/** {@code @Subscribes} on two parameters of one method is a definition error naming the method. */
public class TwoSubscribesParameters extends DefinitionError {

    @Override
    public void check(String messages, String settingsPrefix) {
        assertThat(messages).contains(Merger.class.getName() + "#merge(String, String) has @Subscribes on 2 parameters")
                .contains("keep @Subscribes on one parameter");
    }

    @ApplicationScoped
    public static class Merger {
        void merge(@Subscribes("left") String left, @Subscribes("right") String right) {
        }
    }
}
