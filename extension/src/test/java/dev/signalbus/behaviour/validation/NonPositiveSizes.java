package dev.signalbus.behaviour.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Batch;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.DefinitionError;

/** A non-positive {@code concurrency} or {@code @Batch} {@code maxSize} is a definition error naming the method. */
public class NonPositiveSizes extends DefinitionError {

    @Override
    public void check(String messages, String settingsPrefix) {
        String sized = Sized.class.getName();
        assertThat(messages)
                .contains(sized + "#receive(String) has @Subscribes(concurrency = 0) on parameter 0: it must be at "
                        + "least 1")
                .contains(sized + "#store(List<String>) has @Batch(maxSize = 0): it must be at least 1");
    }

    @ApplicationScoped
    public static class Sized {
        void receive(@Subscribes(value = "orders", concurrency = 0) String order) {
        }

        @Batch(maxSize = 0)
        void store(@Subscribes("readings") List<String> readings) {
        }
    }
}
