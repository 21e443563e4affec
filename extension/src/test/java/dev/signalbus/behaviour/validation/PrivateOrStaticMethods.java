package dev.signalbus.behaviour.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.DefinitionError;

/** Private or static subscriber, periodic and publisher methods are definition errors, each naming its method. */
public class PrivateOrStaticMethods extends DefinitionError {

    @Override
    public void check(String messages, String settingsPrefix) {
        String hidden = Hidden.class.getName();
        assertThat(messages)
                .contains(hidden + "#receive(String) is a @Subscribes method and must not be private")
                .contains(hidden + "#tick() is a @PeriodicTask method and must not be static")
                .contains(hidden + "#place() is a @Publishes method and must not be private")
                .contains("make it package-private, protected or public").contains("make it an instance method");
    }

    @ApplicationScoped
    public static class Hidden {
        private void receive(@Subscribes("orders") String order) {
        }

        @PeriodicTask(every = "1s")
        static void tick() {
        }

        @Publishes("orders")
        private String place() {
            return "book";
        }
    }
}
