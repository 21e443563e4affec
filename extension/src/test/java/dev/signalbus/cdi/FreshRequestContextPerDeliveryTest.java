package dev.signalbus.cdi;

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

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/** Every delivery runs in a request context of its own, destroyed when the delivery ends. */
class FreshRequestContextPerDeliveryTest {

    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final AtomicInteger DESTROYED = new AtomicInteger();

    @Test
    void eachDeliveryHasItsOwnRequestScopedInstance() {
        try (WeldContainer container = Cdi.boot(RequestData.class, Subscriber.class)) {
            SignalBus bus = container.select(SignalBus.class).get();
            for (int i = 0; i < 3; i++) {
                bus.publish("requests", i);
            }
            assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> SEEN.size() == 6);
            // both reads within one delivery see the same instance; deliveries never share one
            for (int i = 0; i < 6; i += 2) {
                assertThat(SEEN.get(i)).isEqualTo(SEEN.get(i + 1));
            }
            assertThat(SEEN.stream().distinct().count()).isEqualTo(3);
            await().atMost(Duration.ofSeconds(10)).until(() -> DESTROYED.get() == 3);
        }
    }

    @RequestScoped
    static class RequestData {
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
    static class Subscriber {
        void receive(@Subscribes("requests") Integer request, RequestData data, RequestData again) {
            SEEN.add(data.id());
            SEEN.add(again.id());
        }
    }
}
