package dev.signalbus.cdi;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.signalbus.model.OptionalApis;

/**
 * Settings from MicroProfile Config. Only loaded after {@link #isPresent()} said the API is there,
 * so that the extension runs in containers without it.
 */
final class MicroProfileSettings extends Settings {

    private static final String PROVIDER = "org.eclipse.microprofile.config.ConfigProvider";

    private final Config config;

    private MicroProfileSettings(Config config) {
        this.config = config;
    }

    static boolean isPresent() {
        return OptionalApis.isPresent(PROVIDER);
    }

    static Settings create() {
        return new MicroProfileSettings(ConfigProvider.getConfig());
    }

    @Override
    String get(String key) {
        return config.getOptionalValue(key, String.class).orElse(null);
    }

    @Override
    Iterable<String> names() {
        return config.getPropertyNames();
    }

    @Override
    String describe() {
        return "set it in MicroProfile Config (e.g. a system property or META-INF/microprofile-config.properties)";
    }
}
