package dev.signalbus.quarkus.deployment.test.devui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Batch;
import dev.signalbus.PeriodicTask;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * In dev mode the Dev UI serves the Signal Bus card's build-time data: the subscribers by topic (with signal type,
 * concurrency and batch) and the periodic tasks of the application.
 */
public class DevUICardTest {

    private static final int PORT = 18_739;

    @RegisterExtension
    static final QuarkusDevModeTest TEST = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addClasses(Handlers.class)
                    .addAsResource(new org.jboss.shrinkwrap.api.asset.StringAsset("quarkus.http.port=" + PORT + "\n"),
                            "application.properties"));

    @Test
    void cardDataListsTheTopicGraph() {
        String handlers = Handlers.class.getName();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> data = get("/q/dev-ui/quarkus-signal-bus-data.js");
            assertThat(data.statusCode()).as(data.body()).isEqualTo(200);
            assertThat(data.body())
                    .contains("export const subscribers")
                    .contains("\"topic\":\"greetings\"").contains(handlers + "#hello")
                    .contains("\"signalType\":\"java.lang.String\"")
                    .contains(handlers + "#audit").contains("maxSize 5, maxWait 2s")
                    .contains("export const periodicTasks").contains(handlers + "#tick").contains("\"every\":\"1h\"");
        });
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @ApplicationScoped
    public static class Handlers {

        void hello(@Subscribes("greetings") String greeting) {
        }

        @Batch(maxSize = 5, maxWait = "2s")
        void audit(@Subscribes("greetings") List<String> greetings) {
        }

        @PeriodicTask(every = "1h")
        void tick() {
        }
    }
}
