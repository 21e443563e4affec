package dev.signalbus.cdi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jboss.logging.Logger;

import dev.signalbus.engine.BusConfig;
import dev.signalbus.messaging.MessagingBridge;
import dev.signalbus.model.Durations;

/**
 * The {@code signal-bus.*} settings: MicroProfile Config when the application has it, otherwise
 * none (every setting at its default, {@code ${key}} expressions unresolvable).
 */
abstract class Settings {

    static final String PREFIX = "signal-bus.";
    private static final String TOPICS = PREFIX + "topics.";
    private static final String TOPIC_CAPACITY = ".queue-capacity";
    private static final Logger LOG = Logger.getLogger(Settings.class);

    /** The value of {@code key}, or {@code null} if it is not set. */
    abstract String get(String key);

    /** Every key known to the configuration. */
    abstract Iterable<String> names();

    /** A short description for error messages. */
    abstract String describe();

    static Settings load() {
        if (MicroProfileSettings.isPresent()) {
            try {
                return MicroProfileSettings.create();
            } catch (RuntimeException | LinkageError e) {
                // the API without an implementation: behave as if there were no config at all
                LOG.debugf(e, "MicroProfile Config is on the class path but unusable; Signal Bus uses its defaults");
            }
        }
        return NONE;
    }

    static final Settings NONE = new Settings() {
        @Override
        String get(String key) {
            return null;
        }

        @Override
        Iterable<String> names() {
            return List.of();
        }

        @Override
        String describe() {
            return "there is no MicroProfile Config on the class path to set it";
        }
    };

    /**
     * Reads the bus settings, adding a problem for every key whose value is invalid.
     *
     * @return the settings, or {@code null} when a problem was added
     */
    BusConfig busConfig(List<String> problems) {
        List<String> found = new ArrayList<>();
        Duration shutdownTimeout = duration(PREFIX + "shutdown-timeout", BusConfig.DEFAULT_SHUTDOWN_TIMEOUT, found);
        int queueCapacity = integer(PREFIX + "queue-capacity", BusConfig.DEFAULT_QUEUE_CAPACITY, found);
        Duration publishTimeout = duration(PREFIX + "publish-timeout", BusConfig.DEFAULT_PUBLISH_TIMEOUT, found);
        Duration stuckDeliveryThreshold = duration(PREFIX + "stuck-delivery-threshold",
                BusConfig.DEFAULT_STUCK_DELIVERY_THRESHOLD, found);
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String key : names()) {
            if (key.startsWith(TOPICS) && key.endsWith(TOPIC_CAPACITY)
                    && key.length() > TOPICS.length() + TOPIC_CAPACITY.length()) {
                String topic = unquote(key.substring(TOPICS.length(), key.length() - TOPIC_CAPACITY.length()));
                topics.put(topic, integer(key, BusConfig.DEFAULT_QUEUE_CAPACITY, found));
            }
        }
        // a value that could not be read stands at its default here: it is reported once, above
        BusConfig config = new BusConfig(shutdownTimeout, queueCapacity, publishTimeout, topics,
                stuckDeliveryThreshold);
        found.addAll(config.problems(PREFIX, this::get));
        problems.addAll(found);
        return found.isEmpty() ? config : null;
    }

    /**
     * The channels of each topic: {@code signal-bus.topics."name".outgoing} and
     * {@code signal-bus.topics."name".incoming} (a blank value counts as not set).
     */
    Map<String, MessagingBridge.Channels> channels() {
        Map<String, String[]> found = new TreeMap<>();
        for (String key : names()) {
            for (int direction = 0; direction < CHANNEL_KEYS.length; direction++) {
                String suffix = CHANNEL_KEYS[direction];
                if (key.startsWith(TOPICS) && key.endsWith(suffix) && key.length() > TOPICS.length() + suffix.length()) {
                    String value = get(key);
                    if (value != null && !value.isBlank()) {
                        String topic = unquote(key.substring(TOPICS.length(), key.length() - suffix.length()));
                        found.computeIfAbsent(topic, t -> new String[2])[direction] = value.trim();
                    }
                }
            }
        }
        Map<String, MessagingBridge.Channels> channels = new LinkedHashMap<>();
        found.forEach((topic, names) -> channels.put(topic, new MessagingBridge.Channels(names[0], names[1])));
        return channels;
    }

    private static final String[] CHANNEL_KEYS = { ".outgoing", ".incoming" };

    private Duration duration(String key, Duration defaultValue, List<String> problems) {
        String value = get(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            // its range is checked with the others' (BusConfig#problems), in the words of both front doors
            return Durations.parseUnchecked(value.trim());
        } catch (IllegalArgumentException e) {
            problems.add("Invalid Signal Bus configuration: " + key + " = " + value + ": " + e.getMessage());
            return defaultValue;
        }
    }

    private int integer(String key, int defaultValue, List<String> problems) {
        String value = get(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            problems.add("Invalid Signal Bus configuration: " + key + " = " + value + ", expected a positive number");
            return defaultValue;
        }
    }

    /**
     * The topic of a {@code topics.<name>} key: a quoted name loses its quotes, and inside it
     * {@code \\"} stands for a quote and {@code \\\\} for a backslash, as in SmallRye Config's
     * quoted map keys ({@code signal-bus.topics."orders.eu".queue-capacity}).
     */
    static String unquote(String topic) {
        if (topic.length() < 2 || !topic.startsWith("\"") || !topic.endsWith("\"")) {
            return topic;
        }
        String inner = topic.substring(1, topic.length() - 1);
        StringBuilder name = new StringBuilder(inner.length());
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length()) {
                c = inner.charAt(++i);
            }
            name.append(c);
        }
        return name.toString();
    }
}
