package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * A full queue makes the publisher wait up to {@code publish-timeout}, then fail with an
 * exception naming topic and subscriber; {@code topics."name".queue-capacity} sets one topic's
 * queues apart from {@code queue-capacity}.
 */
class BackPressureTest {

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final AtomicInteger STARTED = new AtomicInteger();

    @Test
    void publisherGetsAnExceptionNamingTopicAndSubscriber() {
        Map<String, String> config = Map.of(
                "signal-bus.topics.\"thumbnails\".queue-capacity", "1",
                "signal-bus.publish-timeout", "200ms");
        try (WeldContainer container = Cdi.boot(config, Slow.class)) {
            SignalBus bus = container.select(SignalBus.class).get();
            bus.publish("thumbnails", "a.png");
            await().atMost(Duration.ofSeconds(10)).until(() -> STARTED.get() == 1);
            bus.publish("thumbnails", "b.png"); // the one free place in the queue

            long start = System.nanoTime();
            assertThatThrownBy(() -> bus.publish("thumbnails", "c.png"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'thumbnails'")
                    .hasMessageContaining(Slow.class.getName() + "#render");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));

            // other topics keep the default capacity
            for (int i = 0; i < 100; i++) {
                bus.publish("previews", i);
            }
            RELEASE.countDown();
            assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
        } finally {
            RELEASE.countDown();
        }
    }

    @ApplicationScoped
    static class Slow {
        void render(@Subscribes("thumbnails") String image) throws InterruptedException {
            STARTED.incrementAndGet();
            RELEASE.await(30, TimeUnit.SECONDS);
        }

        void preview(@Subscribes("previews") Integer preview) throws InterruptedException {
            RELEASE.await(30, TimeUnit.SECONDS);
        }
    }
}
