package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.QuarkusUnitTest;

/** Signals published while the application starts (from a StartupEvent observer) are kept and delivered. */
public class StartupPublishTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Boot.class, Listener.class));

    @Inject
    Listener listener;

    @Test
    void startupSignalsAreDelivered() {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(listener.received()).containsExactly("warming up", "ready"));
        assertThat(Boot.deliveredBeforeStartupEnded).isEmpty();
    }

    @ApplicationScoped
    static class Boot {
        static final List<String> deliveredBeforeStartupEnded = new CopyOnWriteArrayList<>();

        void onStart(@Observes StartupEvent event, SignalBus bus, Listener listener) {
            bus.publish("lifecycle", "warming up");
            bus.publish("lifecycle", "ready");
            // the bus starts after the application's own startup observers
            deliveredBeforeStartupEnded.addAll(listener.received());
        }
    }

    @ApplicationScoped
    static class Listener {
        private final List<String> received = new CopyOnWriteArrayList<>();

        void on(@Subscribes("lifecycle") String signal) {
            received.add(signal);
        }

        List<String> received() {
            return received;
        }
    }
}
