package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * A full queue makes the publisher wait up to {@code publish-timeout}, then fail with an exception naming topic and
 * subscriber; {@code topics."name".queue-capacity} sets one topic's queues apart from {@code queue-capacity}; nothing
 * accepted is dropped.
 */
public class BackPressure extends Behaviour {

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final AtomicInteger STARTED = new AtomicInteger();
    static final AtomicInteger RENDERED = new AtomicInteger();
    static final AtomicInteger PREVIEWED = new AtomicInteger();

    @Override
    public Map<String, String> settings() {
        return Map.of("topics.\"thumbnails\".queue-capacity", "1", "publish-timeout", "200ms");
    }

    @Override
    public void run(Container app) {
        SignalBus bus = app.select(SignalBus.class);
        try {
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
            assertThat(bus.awaitIdle(Duration.ofSeconds(20))).isTrue();
            assertThat(RENDERED).as("a.png and b.png, c.png refused").hasValue(2);
            assertThat(PREVIEWED).hasValue(100);
        } finally {
            RELEASE.countDown();
        }
    }

    @ApplicationScoped
    public static class Slow {
        void render(@Subscribes("thumbnails") String image) throws InterruptedException {
            STARTED.incrementAndGet();
            RELEASE.await(30, TimeUnit.SECONDS);
            RENDERED.incrementAndGet();
        }

        void preview(@Subscribes("previews") Integer preview) throws InterruptedException {
            RELEASE.await(30, TimeUnit.SECONDS);
            PREVIEWED.incrementAndGet();
        }
    }
}
