package dev.signalbus.quarkus.deployment.test.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.SignalBus;
import dev.signalbus.observability.Shop;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code quarkus-micrometer} (Prometheus registry) the bus shows up in {@code /q/metrics}: after a known workload
 * the counters per topic, the queue depth of a held subscriber, the queue-wait and delivery timers by outcome and the
 * periodic task's runs by outcome have the expected values. The application is the {@link Shop} of the Weld SE
 * {@code MicrometerMetricsTest}.
 */
public class MetricsTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Shop.class, Scrape.class))
            .overrideConfigKey("quarkus.signal-bus.topics.held.queue-capacity", "2")
            .overrideConfigKey("quarkus.signal-bus.publish-timeout", "0s");

    static final String SHIP = Shop.SHIP;
    static final String HOLD = Shop.HOLD;
    static final String TICK = Shop.TICK;

    @Inject
    SignalBus bus;

    @Inject
    Shop shop;

    @AfterEach
    void release() {
        Shop.RELEASE.countDown();
    }

    @Test
    void workloadIsVisibleInQMetrics() throws InterruptedException {
        shop.order("ok-1");
        shop.order("bad");
        shop.order("ok-2");
        bus.publish("nobody", "lost");
        bus.publish("held", 1);
        assertThat(Shop.HELD.await(30, TimeUnit.SECONDS)).isTrue();
        bus.publish("held", 2);
        bus.publish("held", 3);
        assertThatThrownBy(() -> bus.publish("held", 4)).isInstanceOf(IllegalStateException.class);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = Scrape.metrics();
            assertThat(Scrape.value(metrics, "signal_bus_delivery_seconds_count",
                    Map.of("subscriber", SHIP, "outcome", "success"))).isEqualTo(2.0);
            assertThat(Scrape.value(metrics, "signal_bus_delivery_seconds_count",
                    Map.of("subscriber", SHIP, "outcome", "failure"))).isEqualTo(1.0);
        });
        String metrics = Scrape.metrics();
        assertThat(Scrape.value(metrics, "signal_bus_published_total", Map.of("topic", "orders"))).isEqualTo(3.0);
        assertThat(Scrape.value(metrics, "signal_bus_rejected_total", Map.of("topic", "orders"))).isEqualTo(0.0);
        assertThat(Scrape.value(metrics, "signal_bus_unrouted_total", Map.of("topic", "nobody"))).isEqualTo(1.0);
        assertThat(Scrape.value(metrics, "signal_bus_published_total", Map.of("topic", "held"))).isEqualTo(3.0);
        assertThat(Scrape.value(metrics, "signal_bus_rejected_total", Map.of("topic", "held"))).isEqualTo(1.0);
        assertThat(Scrape.value(metrics, "signal_bus_queue_depth", Map.of("subscriber", HOLD, "topic", "held")))
                .isEqualTo(2.0);
        assertThat(Scrape.value(metrics, "signal_bus_queue_wait_seconds_count", Map.of("subscriber", SHIP)))
                .isEqualTo(3.0);
        assertThat(Scrape.value(metrics, "signal_bus_delivery_seconds_count",
                Map.of("subscriber", HOLD, "outcome", "success"))).isEqualTo(0.0);

        Shop.RELEASE.countDown();
        assertThat(bus.awaitIdle(Duration.ofSeconds(30))).isTrue();
        metrics = Scrape.metrics();
        assertThat(Scrape.value(metrics, "signal_bus_queue_depth", Map.of("subscriber", HOLD))).isEqualTo(0.0);
        assertThat(Scrape.value(metrics, "signal_bus_delivery_seconds_count",
                Map.of("subscriber", HOLD, "outcome", "success"))).isEqualTo(3.0);
        assertThat(Scrape.value(metrics, "signal_bus_delivery_seconds_sum",
                Map.of("subscriber", HOLD, "outcome", "success"))).isPositive();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String now = Scrape.metrics();
            assertThat(Scrape.value(now, "signal_bus_periodic_run_seconds_count",
                    Map.of("task", TICK, "outcome", "success"))).isPositive();
            assertThat(Scrape.value(now, "signal_bus_periodic_run_seconds_count",
                    Map.of("task", TICK, "outcome", "failure"))).isPositive();
        });
    }
}
