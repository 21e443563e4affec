package dev.signalbus.behaviour.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;
import dev.signalbus.behaviour.DefinitionError;

/** {@code @Publishes} on a bean class is a definition error naming the class and the fix. */
public class PublishesOnBeanClass extends DefinitionError {

    @Override
    public void check(String messages, String settingsPrefix) {
        assertThat(messages).contains(Loud.class.getName() + ": @Publishes is not allowed on a class; put it on the "
                + "methods whose return value is the signal");
    }

    @ApplicationScoped
    @Publishes("everything")
    public static class Loud {
        String talk() {
            return "hi";
        }
    }
}
