package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

/** README example 1: a publisher's return values reach both subscribers of its topic. */
class PublisherWithTwoSubscribersTest {

    static final List<Map<String, String>> RECEIVED_0 = new CopyOnWriteArrayList<>();
    static final List<Map<String, String>> RECEIVED_1 = new CopyOnWriteArrayList<>();

    @Test
    void everySignalReachesBothSubscribers() {
        try (WeldContainer container = Cdi.boot(FooPublisher.class, FooSubscribers.class)) {
            FooPublisher publisher = container.select(FooPublisher.class).get();
            for (int i = 0; i < 10; i++) {
                publisher.publish("message:" + i);
            }
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> {
                        assertThat(RECEIVED_0).hasSize(10);
                        assertThat(RECEIVED_1).hasSize(10);
                    });
            // concurrency 1: each subscriber sees the signals in publish order
            assertThat(RECEIVED_0).extracting(m -> m.get("message")).containsExactly("message:0", "message:1",
                    "message:2", "message:3", "message:4", "message:5", "message:6", "message:7", "message:8",
                    "message:9");
            assertThat(RECEIVED_1).isEqualTo(RECEIVED_0);
        }
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
        void fooSubscriber0(@Subscribes("foo") Map<String, String> signal) {
            RECEIVED_0.add(signal);
        }

        void fooSubscriber1(@Subscribes("foo") Map<String, String> signal) {
            RECEIVED_1.add(signal);
        }
    }
}
