package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;

/**
 * A subscriber returning {@code Uni} runs on an event loop and its delivery lasts until the {@code Uni} completes;
 * its {@code @Dependent} injected arguments are destroyed only then.
 */
public class UniSubscriberCompletionTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Slow.class, Helper.class));

    @Inject
    SignalBus bus;

    @Inject
    Slow slow;

    @Test
    void deliveryFinishesWhenTheUniCompletes() {
        bus.publish("jobs", "job-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> slow.emitter() != null);
        assertThat(slow.onEventLoop()).isTrue();

        assertThat(bus.awaitIdle(Duration.ofMillis(300))).as("the Uni has not completed yet").isFalse();
        assertThat(Helper.destroyed).as("the injected @Dependent helper lives until completion").isFalse();
        slow.emitter().complete(null);
        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(5)).untilTrue(Helper.destroyed);
    }

    @Dependent
    static class Helper {
        static final AtomicBoolean destroyed = new AtomicBoolean();

        @PreDestroy
        void destroy() {
            destroyed.set(true);
        }
    }

    @ApplicationScoped
    static class Slow {
        private final AtomicReference<UniEmitter<? super Void>> emitter = new AtomicReference<>();
        private final AtomicBoolean onEventLoop = new AtomicBoolean();

        Uni<Void> process(@Subscribes("jobs") String job, Helper helper) {
            onEventLoop.set(Context.isOnEventLoopThread());
            return Uni.createFrom().<Void> emitter(e -> emitter.set(e));
        }

        UniEmitter<? super Void> emitter() {
            return emitter.get();
        }

        boolean onEventLoop() {
            return onEventLoop.get();
        }
    }
}
