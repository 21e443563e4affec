package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A subscriber that hangs cannot hold the application: the drain gives up after
 * {@code quarkus.signal-bus.shutdown-timeout} and the application stops.
 */
public class ShutdownTimeoutTest {

    static final String TEST_ENDED = "shutdown-timeout.test-ended";

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Hung.class))
            .overrideConfigKey("quarkus.signal-bus.shutdown-timeout", "1s")
            .setAfterUndeployListener(() -> {
                long stoppedAfter = System.nanoTime() - Long.parseLong(System.getProperty(TEST_ENDED));
                // the hung subscriber would block for 120s; the drain stops waiting after 1s (Quarkus then interrupts
                // the still-running delivery when it stops its worker pool, after quarkus.thread-pool.shutdown-interrupt)
                assertThat(Duration.ofNanos(stoppedAfter)).isLessThan(Duration.ofSeconds(45));
            });

    @Inject
    SignalBus bus;

    @Test
    void hungSubscriberDoesNotBlockShutdown() {
        for (int i = 0; i < 5; i++) {
            bus.publish("hung", i);
        }
        System.setProperty(TEST_ENDED, String.valueOf(System.nanoTime()));
    }

    @ApplicationScoped
    static class Hung {
        private final CountDownLatch never = new CountDownLatch(1);

        void on(@Subscribes("hung") Integer signal) throws InterruptedException {
            never.await(120, TimeUnit.SECONDS);
        }
    }
}
