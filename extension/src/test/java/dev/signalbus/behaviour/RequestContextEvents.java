package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;

/**
 * The application of {@link RequestContextPerDelivery}, which also observes the request context's lifecycle events,
 * gets them for each delivery: {@code @Initialized(RequestScoped.class)} and
 * {@code @BeforeDestroyed(RequestScoped.class)} once each per delivery, and the context of each delivery is still its
 * own (on Weld this switches the bus from Weld's unbound request context to the {@code @ActivateRequestContext}
 * interceptor; on Quarkus ArC fires them itself).
 */
public class RequestContextEvents extends RequestContextPerDelivery {

    static final AtomicInteger INITIALIZED = new AtomicInteger();
    static final AtomicInteger BEFORE_DESTROYED = new AtomicInteger();

    @Override
    public void run(Container app) {
        // the test itself may run in a request context (QuarkusUnitTest activates one): count from here
        int initialized = INITIALIZED.get();
        int beforeDestroyed = BEFORE_DESTROYED.get();
        super.run(app);
        await().atMost(Duration.ofSeconds(10)).until(() -> BEFORE_DESTROYED.get() - beforeDestroyed >= 3);
        assertThat(INITIALIZED.get() - initialized).isEqualTo(3);
        assertThat(BEFORE_DESTROYED.get() - beforeDestroyed).isEqualTo(3);
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
}
