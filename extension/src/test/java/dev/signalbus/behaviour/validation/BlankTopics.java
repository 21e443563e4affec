package dev.signalbus.behaviour.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.DefinitionError;

/** A blank topic on {@code @Subscribes} or {@code @Publishes} is a definition error naming the method. */
public class BlankTopics extends DefinitionError {

    @Override
    public void check(String messages, String settingsPrefix) {
        String blank = Blank.class.getName();
        assertThat(messages)
                .contains(blank + "#receive(String) has @Subscribes with a blank topic on parameter 0")
                .contains(blank + "#place() has @Publishes with a blank topic").contains("name the topic");
    }

    @ApplicationScoped
    public static class Blank {
        void receive(@Subscribes(" ") String order) {
        }

        @Publishes("")
        String place() {
            return "book";
        }
    }
}
