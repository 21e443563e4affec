package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

/**
 * Signals published at application startup, before the bus starts, are kept and delivered once it starts: on the
 * portable extension from an {@code @Initialized(ApplicationScoped.class)} observer. The startup events differ per
 * container (Quarkus fires {@code @Initialized(ApplicationScoped.class)} at static init, before the bus can exist;
 * its applications publish from {@code StartupEvent}), so each container tests its own:
 * {@code deployment/.../StartupPublishTest} on Quarkus.
 */
class PublishedBeforeStartTest {

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    @Test
    void startupSignalsAreDelivered() {
        try (WeldContainer container = Cdi.boot(Startup.class, Announcer.class, Subscriber.class)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVED.size() == 2);
            assertThat(RECEIVED).containsExactly("warming up", "ready");
        }
    }

    @ApplicationScoped
    static class Startup {
        void onStart(@Observes @Initialized(ApplicationScoped.class) Object event, Announcer announcer) {
            announcer.announce("warming up");
            announcer.announce("ready");
            // kept, not delivered: the bus starts only after the application's startup observers
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(RECEIVED::isEmpty);
        }
    }

    @ApplicationScoped
    static class Announcer {
        @Publishes("status")
        String announce(String status) {
            return status;
        }
    }

    @ApplicationScoped
    static class Subscriber {
        void receive(@Subscribes("status") String status) {
            RECEIVED.add(status);
        }
    }
}
