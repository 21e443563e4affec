package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * Every delivery runs in a request context of its own, destroyed when the delivery ends: two request-scoped
 * arguments of one delivery are one instance, two deliveries never share one, and each instance is destroyed.
 */
public class RequestContextPerDelivery extends Behaviour {

    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final AtomicInteger DESTROYED = new AtomicInteger();

    /**
     * Publishes three signals, whose subscriber adds the id of its two request-scoped arguments to {@link #SEEN}, and
     * checks that each delivery had one instance of its own, destroyed after it.
     */
    @Override
    public void run(Container app) {
        // RequestContextEvents runs these beans again in the same JVM on Weld SE
        SEEN.clear();
        DESTROYED.set(0);
        SignalBus bus = app.select(SignalBus.class);
        for (int i = 0; i < 3; i++) {
            bus.publish("requests", i);
        }
        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> SEEN.size() == 6);
        for (int i = 0; i < 6; i += 2) {
            assertThat(SEEN.get(i)).as("both arguments of one delivery").isEqualTo(SEEN.get(i + 1));
        }
        assertThat(SEEN.stream().distinct().count()).as("one instance per delivery").isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> DESTROYED.get() == 3);
    }

    @RequestScoped
    public static class RequestData {
        private final String id = UUID.randomUUID().toString();

        String id() {
            return id;
        }

        @PreDestroy
        void destroy() {
            DESTROYED.incrementAndGet();
        }
    }

    @ApplicationScoped
    public static class Subscriber {
        void receive(@Subscribes("requests") Integer request, RequestData data, RequestData again) {
            SEEN.add(data.id());
            SEEN.add(again.id());
        }
    }
}
