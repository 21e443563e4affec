package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

/**
 * Seed example 1, written once for both containers: what a {@code @Publishes("foo")} method returns reaches both
 * subscribers of "foo", each in publish order (concurrency 1).
 */
public class TwoSubscribers extends Behaviour {

    @Override
    public void run(Container app) {
        FooPublisher publisher = app.select(FooPublisher.class);
        FooSubscribers subscribers = app.select(FooSubscribers.class);
        for (int i = 0; i < 10; i++) {
            publisher.publish("message:" + i);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(subscribers.zero()).hasSize(10);
            assertThat(subscribers.one()).hasSize(10);
        });
        // concurrency 1: each subscriber sees the signals in publish order
        assertThat(subscribers.zero()).extracting(m -> m.get("message")).containsExactly("message:0", "message:1",
                "message:2", "message:3", "message:4", "message:5", "message:6", "message:7", "message:8",
                "message:9");
        assertThat(subscribers.one()).isEqualTo(subscribers.zero());
    }

    @ApplicationScoped
    public static class FooPublisher {
        @Publishes("foo")
        public Map<String, String> publish(String arg) {
            return Map.of("message", arg);
        }
    }

    @ApplicationScoped
    public static class FooSubscribers {
        // read through methods: a test holds a client proxy, whose own fields are not the bean's
        private final List<Map<String, String>> zero = new CopyOnWriteArrayList<>();
        private final List<Map<String, String>> one = new CopyOnWriteArrayList<>();

        void subscriber0(@Subscribes("foo") Map<String, String> signal) {
            zero.add(signal);
        }

        void subscriber1(@Subscribes("foo") Map<String, String> signal) {
            one.add(signal);
        }

        public List<Map<String, String>> zero() {
            return List.copyOf(zero);
        }

        public List<Map<String, String>> one() {
            return List.copyOf(one);
        }
    }
}
