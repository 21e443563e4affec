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
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * An application that observes the request context's lifecycle events gets them for each delivery:
 * {@code @Initialized(RequestScoped.class)} and {@code @BeforeDestroyed(RequestScoped.class)} once each per delivery,
 * and the context of each delivery is still its own (on Weld this switches the bus from Weld's unbound request context
 * to the {@code @ActivateRequestContext} interceptor; on Quarkus ArC fires them itself).
 */
public class RequestContextEvents extends Behaviour {

    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final AtomicInteger DESTROYED = new AtomicInteger();
    static final AtomicInteger INITIALIZED = new AtomicInteger();
    static final AtomicInteger BEFORE_DESTROYED = new AtomicInteger();

    @Override
    public void run(Container app) {
        // the test itself may run in a request context (QuarkusUnitTest activates one): count from here
        int initialized = INITIALIZED.get();
        int beforeDestroyed = BEFORE_DESTROYED.get();
        RequestScopes.publishThreeAndCheck(app.select(SignalBus.class), SEEN, DESTROYED);
        await().atMost(Duration.ofSeconds(10)).until(() -> BEFORE_DESTROYED.get() - beforeDestroyed >= 3);
        assertThat(INITIALIZED.get() - initialized).isEqualTo(3);
        assertThat(BEFORE_DESTROYED.get() - beforeDestroyed).isEqualTo(3);
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
    public static class LifecycleObserver {
        void initialized(@Observes @Initialized(RequestScoped.class) Object event) {
            INITIALIZED.incrementAndGet();
        }

        void beforeDestroyed(@Observes @BeforeDestroyed(RequestScoped.class) Object event) {
            BEFORE_DESTROYED.incrementAndGet();
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
