package dev.signalbus.behaviour.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;
import dev.signalbus.behaviour.DefinitionError;

/** A {@code void} {@code @Publishes} method is a definition error naming the method. */
public class VoidPublisher extends DefinitionError {

    @Override
    public void check(String messages, String settingsPrefix) {
        assertThat(messages).contains(Silent.class.getName() + "#place() is a @Publishes method but returns void")
                .contains("return the signal");
    }

    @ApplicationScoped
    public static class Silent {
        @Publishes("orders")
        void place() {
        }
    }
}
