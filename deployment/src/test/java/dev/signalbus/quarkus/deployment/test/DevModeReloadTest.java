package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.quarkus.deployment.test.devmode.Greeter;
import dev.signalbus.quarkus.deployment.test.devmode.Received;
import dev.signalbus.quarkus.deployment.test.devmode.Routes;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * Dev mode (live reload): an edited subscriber receives the signals published after the reload;
 * a subscriber edited into an invalid shape shows the build error naming {@code Class#method}
 * and what to change; mending it brings the bus back.
 */
public class DevModeReloadTest {

    private static final int PORT = 18_737;

    @RegisterExtension
    static final QuarkusDevModeTest TEST = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addClasses(Greeter.class, Received.class, Routes.class)
                    .addAsResource(new org.jboss.shrinkwrap.api.asset.StringAsset("quarkus.http.port=" + PORT + "\n"),
                            "application.properties"));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void anEditedSubscriberTakesOverAndABrokenOneIsReportedUntilMended() {
        assertThat(get("/publish?name=a").body()).isEqualTo("published");
        awaitLast("v1:a");

        TEST.modifySourceFile(Greeter.class, source -> source.replace("\"v1:\"", "\"v2:\""));
        assertThat(get("/publish?name=b").body()).isEqualTo("published"); // this request reloads the application
        awaitLast("v2:b");

        // a second @Subscribes parameter is a definition error: the reload fails and says why
        TEST.modifySourceFile(Greeter.class, source -> source.replace("Received received)",
                "Received received, @Subscribes(\"other\") String other)"));
        HttpResponse<String> broken = get("/publish?name=c");
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).contains("Greeter#greet").contains("@Subscribes");

        TEST.modifySourceFile(Greeter.class, source -> source.replace(", @Subscribes(\"other\") String other)", ")")
                .replace("\"v2:\"", "\"v3:\""));
        assertThat(get("/publish?name=d").body()).isEqualTo("published");
        awaitLast("v3:d");
    }

    private void awaitLast(String expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/last").body()).isEqualTo(expected));
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                    .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
