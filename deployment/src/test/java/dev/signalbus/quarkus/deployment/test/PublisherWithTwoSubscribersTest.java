package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/** Seed example 1: a publisher whose return value reaches two subscribers of its topic. */
public class PublisherWithTwoSubscribersTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(FooPublisher.class, FooSubscribers.class));

    @Inject
    FooPublisher publisher;

    @Inject
    FooSubscribers subscribers;

    @Test
    void everySubscriberReceivesEverySignal() {
        for (int i = 0; i < 10; i++) {
            publisher.publish("message:" + i);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(subscribers.zero()).hasSize(10);
            assertThat(subscribers.one()).hasSize(10);
        });
        assertThat(subscribers.zero()).contains(Map.of("message", "message:0"), Map.of("message", "message:9"));
        assertThat(subscribers.one()).containsExactlyInAnyOrderElementsOf(subscribers.zero());
    }

    @ApplicationScoped
    static class FooPublisher {
        @Publishes("foo")
        Map<String, String> publish(String arg) {
            return Map.of("message", arg);
        }
    }

    @ApplicationScoped
    static class FooSubscribers {
        // read through methods: the test holds a client proxy, whose own fields are not the bean's
        private final List<Map<String, String>> zero = new CopyOnWriteArrayList<>();
        private final List<Map<String, String>> one = new CopyOnWriteArrayList<>();

        void subscriber0(@Subscribes("foo") Map<String, String> signal) {
            zero.add(signal);
        }

        void subscriber1(@Subscribes("foo") Map<String, String> signal) {
            one.add(signal);
        }

        List<Map<String, String>> zero() {
            return zero;
        }

        List<Map<String, String>> one() {
            return one;
        }
    }
}
