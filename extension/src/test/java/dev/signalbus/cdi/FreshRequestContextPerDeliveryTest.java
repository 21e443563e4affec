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
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * Every delivery runs in a request context of its own, destroyed when the delivery ends: through Weld's unbound
 * request context by default, through the portable {@code @ActivateRequestContext} interceptor (and its lifecycle
 * events) when the application observes them.
 */
class FreshRequestContextPerDeliveryTest {

    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final AtomicInteger DESTROYED = new AtomicInteger();
    static final AtomicInteger INITIALIZED = new AtomicInteger();

    @BeforeEach
    void clear() {
        SEEN.clear();
        DESTROYED.set(0);
        INITIALIZED.set(0);
    }

    @Test
    void eachDeliveryHasItsOwnRequestScopedInstance() {
        deliverThreeAndCheck(RequestData.class, Subscriber.class);
    }

    @Test
    void anApplicationObservingTheRequestContextGetsItsEventsForEachDelivery() {
        deliverThreeAndCheck(RequestData.class, Subscriber.class, LifecycleObserver.class);
        assertThat(INITIALIZED).hasValue(3);
    }

    @Test
    void onWeldTheUnboundRequestContextIsUsedUnlessItsEventsAreObserved() {
        try (WeldContainer container = Cdi.boot(RequestData.class, Subscriber.class)) {
            assertThat(RequestContexts.of(container.getBeanManager())).isInstanceOf(RequestContexts.Weld.class);
        }
        try (WeldContainer container = Cdi.boot(RequestData.class, Subscriber.class, LifecycleObserver.class)) {
            assertThat(RequestContexts.of(container.getBeanManager())).isInstanceOf(RequestContextCalls.class);
        }
    }

    private static void deliverThreeAndCheck(Class<?>... beans) {
        try (WeldContainer container = Cdi.boot(beans)) {
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
    static class LifecycleObserver {
        void initialized(@Observes @Initialized(RequestScoped.class) Object event) {
            INITIALIZED.incrementAndGet();
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
