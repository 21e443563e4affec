package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/**
 * When the application stops, every queued signal is delivered before any bean is destroyed, including the signals
 * that subscribers publish while draining; afterwards publishing throws.
 */
public class DrainAtShutdownTest {

    static final int SIGNALS = 30;

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Stage1.class, Stage2.class))
            // the application's classes live in another class loader: results come back as system properties
            .setAfterUndeployListener(() -> {
                assertThat(System.getProperty("drain.stage-1")).isEqualTo(String.valueOf(SIGNALS));
                assertThat(System.getProperty("drain.stage-2")).as("chained signals drain to the end, before the "
                        + "subscriber beans are destroyed").isEqualTo(String.valueOf(SIGNALS));
                assertThat(System.getProperty("drain.publish-after-stop")).contains("stopped");
            });

    @Inject
    SignalBus bus;

    @Test
    void publishAndStopWithoutWaiting() {
        for (int i = 0; i < SIGNALS; i++) {
            bus.publish("stage-1", i);
        }
        // no awaitIdle: stopping the application must deliver everything
    }

    @ApplicationScoped
    static class Stage1 {
        private final AtomicInteger delivered = new AtomicInteger();

        @Inject
        SignalBus bus;

        @Publishes("stage-2")
        Integer forward(@Subscribes("stage-1") Integer signal) throws InterruptedException {
            Thread.sleep(20); // a slow subscriber, so that the queue is still full at shutdown
            delivered.incrementAndGet();
            return signal;
        }

        @PreDestroy
        void destroy() {
            System.setProperty("drain.stage-1", String.valueOf(delivered.get()));
            try {
                bus.publish("stage-1", -1);
                System.setProperty("drain.publish-after-stop", "accepted");
            } catch (IllegalStateException e) {
                System.setProperty("drain.publish-after-stop", e.getMessage());
            }
        }
    }

    @ApplicationScoped
    static class Stage2 {
        private final AtomicInteger delivered = new AtomicInteger();

        void receive(@Subscribes("stage-2") Integer signal) {
            delivered.incrementAndGet();
        }

        @PreDestroy
        void destroy() {
            System.setProperty("drain.stage-2", String.valueOf(delivered.get()));
        }
    }
}
