package dev.signalbus.quarkus.deployment.test.devui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.signalbus.PeriodicTask;
import dev.signalbus.Subscribes;
import io.quarkus.devui.tests.DevUIJsonRPCTest;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * The JSON-RPC methods behind the live page of the Signal Bus card, called over the Dev UI's WebSocket of a dev-mode
 * application: live counts and queue depths, the latest failures, periodic tasks, and publishing a signal from JSON.
 */
public class DevUILiveTest extends DevUIJsonRPCTest {

    /** A fixed port: the build runs tests on random ports, which {@code test.url} does not name in dev mode. */
    private static final int PORT = 18_741;

    @RegisterExtension
    static final QuarkusDevModeTest TEST = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addClasses(Shop.class, Order.class)
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"), "application.properties"));

    public DevUILiveTest() {
        super("quarkus-signal-bus");
        this.uri = URI.create("http://localhost:" + PORT + "/q/dev-ui/json-rpc-ws");
    }

    @Test
    void liveCountsFailuresAndPublishing() throws Exception {
        String shop = Shop.class.getName();

        JsonNode live = executeJsonRPCMethod("getLive");
        assertThat(live.get("phase").asText()).isEqualTo("RUNNING");
        assertThat(subscriber(live, shop + "#greet").get("signalType").asText()).isEqualTo("java.lang.String");
        assertThat(subscriber(live, shop + "#order").get("signalType").asText()).isEqualTo(Order.class.getName());
        assertThat(subscriber(live, shop + "#greet").get("delivered").asLong()).isZero();
        JsonNode tick = live.get("periodicTasks").get(0);
        assertThat(tick.get("task").asText()).isEqualTo(shop + "#tick");
        assertThat(tick.get("nextRun").asText()).as("next run of a quarkus-scheduler job").isNotEmpty();

        // a JSON string and plain text both reach a String subscriber
        assertThat(publish("greetings", "\"hello\"")).isEqualTo("true: Published a java.lang.String to topic 'greetings'");
        assertThat(publish("greetings", "plain text")).startsWith("true");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(subscriber(executeJsonRPCMethod("getLive"), shop + "#greet").get("delivered").asLong())
                        .isEqualTo(2));

        // JSON read into the record type: the failure names the item, and is listed among the latest failures
        assertThat(publish("orders", "{\"id\": -1, \"item\": \"teapot\"}")).startsWith("true");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode now = executeJsonRPCMethod("getLive");
            assertThat(subscriber(now, shop + "#order").get("failed").asLong()).isEqualTo(1);
            JsonNode failure = now.get("failures").get(0);
            assertThat(failure).isNotNull();
            assertThat(failure.get("topic").asText()).isEqualTo("orders");
            assertThat(failure.get("target").asText()).isEqualTo(shop + "#order");
            assertThat(failure.get("error").asText()).isEqualTo("java.lang.IllegalArgumentException: bad order teapot");
        });
        assertThat(publish("orders", "{\"id\": 7, \"item\": \"cup\"}")).startsWith("true");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(subscriber(executeJsonRPCMethod("getLive"), shop + "#order").get("delivered").asLong())
                        .isEqualTo(1));

        // clear errors
        assertThat(publish("nowhere", "\"x\"")).isEqualTo("false: Topic 'nowhere' has no subscribers in this application");
        assertThat(publish("orders", "not json")).startsWith("false: Cannot read the signal of topic 'orders' ("
                + Order.class.getName() + "): ");

        // queue depth while the subscriber is held: one signal in delivery, two waiting
        for (int i = 0; i < 3; i++) {
            assertThat(publish("hold", "\"" + i + "\"")).startsWith("true");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(subscriber(executeJsonRPCMethod("getLive"), shop + "#hold").get("queueDepth").asInt())
                        .isEqualTo(2));
        assertThat(publish("release", "\"go\"")).startsWith("true");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode hold = subscriber(executeJsonRPCMethod("getLive"), shop + "#hold");
            assertThat(hold.get("queueDepth").asInt()).isZero();
            assertThat(hold.get("delivered").asLong()).isEqualTo(3);
        });
    }

    private String publish(String topic, String json) throws Exception {
        JsonNode result = executeJsonRPCMethod("publish", Map.of("topic", topic, "json", json));
        return result.get("success").asBoolean() + ": " + result.get("message").asText();
    }

    private static JsonNode subscriber(JsonNode live, String target) {
        for (JsonNode subscriber : live.get("subscribers")) {
            if (subscriber.get("subscriber").asText().equals(target)) {
                return subscriber;
            }
        }
        throw new AssertionError("no subscriber " + target + " in " + live);
    }

    @ApplicationScoped
    public static class Shop {

        private final CountDownLatch released = new CountDownLatch(1);

        void greet(@Subscribes("greetings") String greeting) {
        }

        void order(@Subscribes("orders") Order order) {
            if (order.id() < 0) {
                throw new IllegalArgumentException("bad order " + order.item());
            }
        }

        void hold(@Subscribes("hold") String signal) throws InterruptedException {
            released.await(60, TimeUnit.SECONDS);
        }

        void release(@Subscribes("release") String signal) {
            released.countDown();
        }

        @PeriodicTask(every = "1h")
        void tick() {
        }
    }
}
