package dev.signalbus.it.kafka;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One JVM of the application under test: {@code java -jar target/quarkus-app/quarkus-run.jar} with a Quarkus
 * profile (its role), a free HTTP port and {@code -D} settings, its output in {@code <name>.log} of the case's
 * directory (launched by {@link JvmApp}).
 */
final class App extends JvmApp {

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://127\\.0\\.0\\.1:(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private volatile int port;

    private App(String name, String profile, Path dir, Map<String, String> settings) throws IOException {
        super(name, dir, List.of("-Dquarkus.profile=" + profile, "-Dquarkus.http.port=0", "-Dapp.instance=" + name),
                settings, "target/quarkus-app/quarkus-run.jar");
    }

    /** Starts the jar as {@code profile} with these settings (each a {@code -Dkey=value}); does not wait. */
    static App start(String name, String profile, Path dir, Map<String, String> settings) throws IOException {
        return new App(name, profile, dir, settings);
    }

    static App sender(String name, Path dir, String topic, Map<String, String> more) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("app.topic", topic);
        settings.putAll(more);
        return start(name, "sender", dir, settings);
    }

    /** A receiver of {@code topic} in consumer group {@code group}, appending ids to {@code <name>.ids}. */
    static App receiver(String name, Path dir, String topic, String group, Map<String, String> more)
            throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("app.topic", topic);
        settings.put("app.group", group);
        settings.put("app.ids-file", dir.resolve(name + ".ids").toAbsolutePath().toString());
        settings.putAll(more);
        return start(name, "receiver", dir, settings);
    }

    /** Waits until it listens on HTTP (its port read from its log). */
    App awaitReady() {
        port = Integer.parseInt(awaitLog("ready", LISTENING).group(1));
        return this;
    }

    String get(String path) {
        return call(HttpRequest.newBuilder(uri(path)).GET());
    }

    String post(String path) {
        return call(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** {@code key=value} lines of a GET, as a map. */
    Map<String, String> values(String path) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : get(path).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    long stat(String key) {
        return Long.parseLong(values("/receiver/stats").get(key));
    }

    private URI uri(String path) {
        if (port == 0) {
            throw new IllegalStateException(name + " is not ready");
        }
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(name + " " + request.build().uri() + ": HTTP " + response.statusCode()
                        + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(name + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
