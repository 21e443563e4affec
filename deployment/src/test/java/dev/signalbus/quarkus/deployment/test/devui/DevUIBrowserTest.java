package dev.signalbus.quarkus.deployment.test.devui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.awaitility.core.ConditionTimeoutException;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signalbus.PeriodicTask;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * A real browser (headless Chromium, driven through the DevTools protocol) opens the live page of the Signal Bus card
 * in the Dev UI of a dev-mode application, finds the application's topics and subscribers rendered from the JSON-RPC
 * data, publishes a signal with the page's form and sees the delivered count go up. Saves a screenshot as
 * {@code target/dev-ui-card.png}.
 * <p>
 * Skipped, saying so, when there is no Chromium: set {@code CHROMIUM} to its binary or put {@code chromium} on the
 * {@code PATH} (Debian package {@code chromium}; {@code .ci/run} installs it).
 */
public class DevUIBrowserTest {

    private static final int PORT = 18_743;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "http://localhost:" + PORT + "/q/dev-ui/quarkus-signal-bus/live";
    /** Finds the live page's element through the Dev UI's nested shadow roots. */
    private static final String FIND = "(function find(root){const hit=root.querySelector('qwc-signal-bus-live');"
            + "if(hit)return hit;for(const e of root.querySelectorAll('*')){if(e.shadowRoot){const f=find(e.shadowRoot);"
            + "if(f)return f;}}return null;})(document)";

    @RegisterExtension
    static final QuarkusDevModeTest TEST = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addClasses(Kitchen.class)
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"), "application.properties"));

    private static Process browser;
    private static Path profile;
    private static Cdp cdp;

    @BeforeAll
    static void startBrowser() throws Exception {
        Optional<Path> binary = chromium();
        Assumptions.assumeTrue(binary.isPresent(), "Skipped: no Chromium found (neither $CHROMIUM nor chromium,"
                + " chromium-browser or google-chrome on the PATH), so the Dev UI card is not checked in a real browser;"
                + " install the Debian package 'chromium' (.ci/run does)");
        profile = Files.createTempDirectory("signal-bus-chromium");
        browser = new ProcessBuilder(binary.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "--window-size=1400,1000", "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path activePort = profile.resolve("DevToolsActivePort");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(activePort) && Files.size(activePort) > 0);
        int port = Integer.parseInt(Files.readAllLines(activePort).get(0).trim());
        JsonNode pages = JSON.readTree(get("http://127.0.0.1:" + port + "/json/list"));
        String socket = null;
        for (JsonNode page : pages) {
            if ("page".equals(page.get("type").asText())) {
                socket = page.get("webSocketDebuggerUrl").asText();
            }
        }
        assertThat(socket).as("a page target in " + pages).isNotNull();
        cdp = new Cdp(socket);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (cdp != null) {
            cdp.close();
        }
        if (browser != null) {
            browser.destroy();
            try {
                browser.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            browser.destroyForcibly();
        }
    }

    @Test
    void liveCardRendersTheTopicsAndPublishes() throws Exception {
        String kitchen = Kitchen.class.getName();
        // the Dev UI answers once the application has started
        await().atMost(Duration.ofSeconds(60)).until(() -> get(PAGE).contains("<html"));
        cdp.call("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1400, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
        cdp.call("Page.navigate", Map.of("url", PAGE));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String rows = evaluate("(()=>{const c=" + FIND + ";if(!c||!c.shadowRoot)return '';"
                    + "return [...c.shadowRoot.querySelectorAll('#subscribers tr')].map(r=>r.innerText).join('\\n');})()");
            assertThat(rows).contains("greetings").contains("orders")
                    .contains(kitchen + "#greet").contains(kitchen + "#cook").contains("java.lang.String");
        });

        // publish through the form: topic 'greetings', JSON "hello"
        String submitted = evaluate("(()=>{const r=" + FIND + ".shadowRoot;r.querySelector('#topic').value='greetings';"
                + "r.querySelector('#json').value='\"hello\"';r.querySelector('button[type=submit]').click();return 'ok';})()");
        assertThat(submitted).isEqualTo("ok");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String greet = evaluate("(()=>{const r=" + FIND + ".shadowRoot;const row=[...r.querySelectorAll('#subscribers tr')]"
                    + ".find(t=>t.innerText.includes('#greet'));return row?row.cells[3].innerText:'';})()");
            assertThat(greet).as("delivered count of #greet").isEqualTo("1");
            assertThat(evaluate("(" + FIND + ").shadowRoot.querySelector('.message').innerText"))
                    .isEqualTo("Published a java.lang.String to topic 'greetings'");
        });

        // a failing delivery shows among the latest failures
        evaluate("(()=>{const r=" + FIND + ".shadowRoot;r.querySelector('#topic').value='orders';"
                + "r.querySelector('#json').value='burnt toast';r.querySelector('button[type=submit]').click();})()");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                evaluate("(()=>{const t=(" + FIND + ").shadowRoot.querySelector('#failures');return t?t.innerText:'';})()"))
                .contains("orders").contains(kitchen + "#cook").contains("burnt toast")
                .contains("java.lang.IllegalStateException: cannot serve burnt toast"));

        // the screenshot (docs/images/dev-ui-card.png) without the Dev UI's passing notifications
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> evaluate(
                    "String(document.querySelectorAll('vaadin-notification-card').length)").equals("0"));
        } catch (ConditionTimeoutException e) {
            // cosmetic only: take the screenshot with them
        }
        JsonNode shot = cdp.call("Page.captureScreenshot", Map.of("format", "png"));
        Path png = Paths.get("target", "dev-ui-card.png");
        Files.write(png, Base64.getDecoder().decode(shot.get("data").asText()));
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    private static String evaluate(String expression) throws Exception {
        JsonNode result = cdp.call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        JsonNode value = result.path("result").path("value");
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    private static Optional<Path> chromium() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank() && Files.isExecutable(Paths.get(configured))) {
            return Optional.of(Paths.get(configured));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .flatMap(dir -> Stream.of("chromium", "chromium-browser", "google-chrome").map(n -> Paths.get(dir, n)))
                .filter(Files::isExecutable).findFirst();
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    /** A minimal Chrome DevTools protocol client: one command at a time, answers matched by id. */
    private static final class Cdp implements WebSocket.Listener {

        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
        private final StringBuilder message = new StringBuilder();
        private final WebSocket socket;

        Cdp(String url) {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), this).join();
        }

        JsonNode call(String method, Map<String, Object> params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            answers.put(id, answer);
            socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
            JsonNode reply = answer.get(30, TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.get("result");
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                try {
                    JsonNode node = JSON.readTree(message.toString());
                    if (node.has("id")) {
                        CompletableFuture<JsonNode> answer = answers.remove(node.get("id").asInt());
                        if (answer != null) {
                            answer.complete(node);
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } finally {
                    message.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        }
    }

    @ApplicationScoped
    public static class Kitchen {

        void greet(@Subscribes("greetings") String greeting) {
        }

        void cook(@Subscribes("orders") String order) {
            if (order.contains("burnt")) {
                throw new IllegalStateException("cannot serve " + order);
            }
        }

        @PeriodicTask(every = "1h")
        void clean() {
        }
    }
}
