package dev.signalbus.behaviour.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.DefinitionError;

/**
 * Reliability case 8, the configuration: bad values of the bus's settings stop the application at start, and the
 * error names each bad key with its value, all of them at once. A value is named as written, or as the duration it
 * was read as ({@code PT0S} for {@code 0s}); on Quarkus a value that SmallRye Config cannot convert is named in its
 * words ({@code The config property quarkus.signal-bus.queue-capacity with the config value "lots" ...}).
 */
public abstract class BadSettings extends DefinitionError {

    /** The bad settings, keys without their prefix. */
    private final Map<String, String> bad;

    protected BadSettings(String... keysAndValues) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        this.bad = settings;
    }

    /** The scenario's own class, this class and its bean. */
    @Override
    public Class<?>[] classes() {
        return new Class<?>[] { getClass(), BadSettings.class, Subscriber.class };
    }

    @Override
    public Map<String, String> settings() {
        return bad;
    }

    /** The bad settings the error names on the container of that prefix: all of them. */
    protected Map<String, String> named(String settingsPrefix) {
        return bad;
    }

    @Override
    public void check(String messages, String settingsPrefix) {
        Map<String, String> named = named(settingsPrefix);
        assertThat(named).isNotEmpty();
        named.forEach((key, value) -> {
            String full = settingsPrefix + key;
            List<String> namings = List.of("Invalid Signal Bus configuration: " + full + " = " + value,
                    "Invalid Signal Bus configuration: " + full + " = " + read(value),
                    "The config property " + full + " with the config value \"" + value + "\"");
            assertThat(namings).as("%s = %s named in%n%s", full, value, messages).anyMatch(messages::contains);
        });
    }

    /** A duration of whole seconds as it was read ({@code "-5s"} is {@code PT-5S}); other values as they are. */
    private static String read(String value) {
        return value.matches("-?\\d+s") ? Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)))
                .toString() : value;
    }

    @ApplicationScoped
    public static class Subscriber {
        void receive(@Subscribes("orders") String order) {
        }
    }
}
