package dev.signalbus.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Counts per topic of work the drain report names (async publisher results, signals held until
 * their transaction completes); a topic's entry goes when its count is back to zero, so topics
 * named at run time leave nothing behind.
 */
final class TopicCounts {

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    void add(String topic) {
        counts.merge(topic, 1, Integer::sum);
    }

    void remove(String topic) {
        counts.computeIfPresent(topic, (t, count) -> count == 1 ? null : count - 1);
    }

    void forEach(BiConsumer<String, Long> action) {
        counts.forEach((topic, count) -> action.accept(topic, (long) count));
    }
}
