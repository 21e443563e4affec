package dev.signalbus.behaviour.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Batch;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.DefinitionError;

/** {@code @Batch} on a subscriber whose signal parameter is not a {@code List} is a definition error naming the method. */
public class BatchWithoutList extends DefinitionError {

    @Override
    public void check(String messages, String settingsPrefix) {
        assertThat(messages).contains(Store.class.getName()
                + "#store(String) has @Batch, so its @Subscribes parameter must be a java.util.List")
                .contains("change it to java.util.List<java.lang.String>");
    }

    @ApplicationScoped
    public static class Store {
        @Batch(maxSize = 5)
        void store(@Subscribes("readings") String reading) {
        }
    }
}
