package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.Vertx;

/** A publisher on a Vert.x event loop is never blocked by a full queue: it gets the exception at once. */
public class EventLoopPublishTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Stuck.class))
            .overrideConfigKey("quarkus.signal-bus.queue-capacity", "1")
            .overrideConfigKey("quarkus.signal-bus.publish-timeout", "30s");

    @Inject
    SignalBus bus;

    @Inject
    Vertx vertx;

    @Inject
    Stuck stuck;

    @Test
    void eventLoopPublisherFailsFast() throws Exception {
        CompletableFuture<Long> rejectedAfterMillis = new CompletableFuture<>();
        vertx.runOnContext(ignored -> {
            long start = System.nanoTime();
            try {
                for (int i = 0; i < 10; i++) {
                    bus.publish("stuck", i);
                }
                rejectedAfterMillis.completeExceptionally(new AssertionError("every publish was accepted"));
            } catch (IllegalStateException e) {
                rejectedAfterMillis.complete(Duration.ofNanos(System.nanoTime() - start).toMillis());
            }
        });
        // far below the 30s publish-timeout a worker thread would wait
        assertThat(rejectedAfterMillis.get(20, TimeUnit.SECONDS)).isLessThan(5_000);
        stuck.release();
        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    @ApplicationScoped
    static class Stuck {
        private final CountDownLatch gate = new CountDownLatch(1);

        void on(@Subscribes("stuck") Integer signal) throws InterruptedException {
            gate.await(30, TimeUnit.SECONDS);
        }

        void release() {
            gate.countDown();
        }
    }
}
