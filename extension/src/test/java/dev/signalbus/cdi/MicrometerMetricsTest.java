package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalBus;
import dev.signalbus.observability.Shop;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * On Weld SE with a {@code MeterRegistry} bean the bus reports to it: counters per topic, the
 * queue depth of a held subscriber, queue-wait and delivery timers by outcome, periodic runs by
 * outcome; the meters are gone once the container has stopped. The application is the
 * {@link Shop} of the Quarkus {@code MetricsTest}.
 */
class MicrometerMetricsTest {

    static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();

    @AfterEach
    void release() {
        Shop.RELEASE.countDown();
    }

    @Test
    void countsAndTimesAKnownWorkload() {
        Map<String, String> config = Map.of("signal-bus.topics.held.queue-capacity", "2",
                "signal-bus.publish-timeout", "0s");
        String ship = Shop.SHIP;
        String hold = Shop.HOLD;
        String tick = Shop.TICK;
        try (WeldContainer container = Cdi.boot(config, Shop.class, Registry.class)) {
            SignalBus bus = container.select(SignalBus.class).get();
            Shop shop = container.select(Shop.class).get();
            shop.order("ok-1");
            shop.order("bad");
            shop.order("ok-2");
            bus.publish("nobody", "lost");

            bus.publish("held", 1);
            TestLatch.await(Shop.HELD);
            bus.publish("held", 2);
            bus.publish("held", 3);
            assertThatThrownBy(() -> bus.publish("held", 4)).isInstanceOf(IllegalStateException.class);
            assertThat(REGISTRY.get("signal.bus.queue.depth").tag("subscriber", hold).gauge().value()).isEqualTo(2);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(timer("signal.bus.delivery", ship, "success").count()).isEqualTo(2.0);
                assertThat(timer("signal.bus.delivery", ship, "failure").count()).isEqualTo(1.0);
            });
            assertThat(counter("published", "orders")).isEqualTo(3);
            assertThat(counter("rejected", "orders")).isZero();
            assertThat(counter("published", "nobody")).isEqualTo(1);
            assertThat(counter("unrouted", "nobody")).isEqualTo(1);
            assertThat(counter("published", "held")).isEqualTo(3);
            assertThat(counter("rejected", "held")).isEqualTo(1);
            assertThat(REGISTRY.get("signal.bus.queue.wait").tag("subscriber", ship).functionTimer().count())
                    .isEqualTo(3.0);
            assertThat(timer("signal.bus.delivery", hold, "success").count()).isZero();

            Shop.RELEASE.countDown();
            assertThat(bus.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(REGISTRY.get("signal.bus.queue.depth").tag("subscriber", hold).gauge().value()).isZero();
            FunctionTimer held = timer("signal.bus.delivery", hold, "success");
            assertThat(held.count()).isEqualTo(3.0);
            assertThat(REGISTRY.get("signal.bus.queue.wait").tag("subscriber", hold).functionTimer().count())
                    .isEqualTo(3.0);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(REGISTRY.get("signal.bus.periodic.run").tag("task", tick).tag("outcome", "success").timer()
                        .count()).isPositive();
                assertThat(REGISTRY.get("signal.bus.periodic.run").tag("task", tick).tag("outcome", "failure").timer()
                        .count()).isPositive();
            });
        }
        assertThat(REGISTRY.find("signal.bus.published").meters()).isEmpty();
        assertThat(REGISTRY.find("signal.bus.queue.depth").meters()).isEmpty();
    }

    private static FunctionTimer timer(String name, String subscriber, String outcome) {
        return REGISTRY.get(name).tag("subscriber", subscriber).tag("outcome", outcome).functionTimer();
    }

    private static double counter(String name, String topic) {
        return REGISTRY.get("signal.bus." + name).tag("topic", topic).counter().count();
    }

    static final class TestLatch {
        static void await(CountDownLatch latch) {
            try {
                assertThat(latch.await(30, TimeUnit.SECONDS)).as("latch released within 30s").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Singleton
    static class Registry {
        @Produces
        @Singleton
        MeterRegistry registry() {
            return REGISTRY;
        }
    }
}
