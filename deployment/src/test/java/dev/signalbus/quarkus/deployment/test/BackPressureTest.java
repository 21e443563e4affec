package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A full queue (per-topic capacity from config) makes the publisher wait up to publish-timeout, then fail with an
 * exception naming topic and subscriber; nothing queued is dropped.
 */
public class BackPressureTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Slow.class))
            .overrideConfigKey("quarkus.signal-bus.topics.\"slow\".queue-capacity", "2")
            .overrideConfigKey("quarkus.signal-bus.publish-timeout", "200ms");

    @Inject
    SignalBus bus;

    @Inject
    Slow slow;

    @Test
    void fullQueueFailsThePublisherNamingTopicAndSubscriber() {
        int accepted = 0;
        IllegalStateException rejected = null;
        for (int i = 0; i < 10 && rejected == null; i++) {
            try {
                bus.publish("slow", i);
                accepted++;
            } catch (IllegalStateException e) {
                rejected = e;
            }
        }
        assertThat(rejected).as("a capacity of 2 and a blocked subscriber reject a signal").isNotNull();
        assertThat(rejected.getMessage()).contains("slow").contains(Slow.class.getName() + "#onSignal");
        assertThat(accepted).isBetween(2, 3);

        slow.release();
        int expected = accepted;
        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> slow.delivered() == expected);
    }

    @ApplicationScoped
    static class Slow {
        private final CountDownLatch gate = new CountDownLatch(1);
        private final AtomicInteger delivered = new AtomicInteger();

        void onSignal(@Subscribes("slow") Integer signal) throws InterruptedException {
            gate.await(30, TimeUnit.SECONDS);
            delivered.incrementAndGet();
        }

        void release() {
            gate.countDown();
        }

        int delivered() {
            return delivered.get();
        }
    }
}
