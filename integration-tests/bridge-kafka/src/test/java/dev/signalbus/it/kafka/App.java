package dev.signalbus.it.kafka;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JVM of the application under test: {@code java -jar target/quarkus-app/quarkus-run.jar} with a Quarkus
 * profile (its role), a free HTTP port and {@code -D} settings, its output in {@code <name>.log} of the case's
 * directory.
 */
final class App implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://127\\.0\\.0\\.1:(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Every JVM started and not yet closed: killed when the test JVM exits, whatever happened. */
    private static final List<Process> LIVE = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (LIVE) {
                LIVE.forEach(Process::destroyForcibly);
            }
        }));
    }

    final String name;
    final Path dir;
    final Path log;
    final Process process;
    private volatile int port;

    private App(String name, Path dir, Process process) {
        this.name = name;
        this.dir = dir;
        this.log = dir.resolve(name + ".log");
        this.process = process;
    }

    /** Starts the jar as {@code profile} with these settings (each a {@code -Dkey=value}); does not wait. */
    static App start(String name, String profile, Path dir, Map<String, String> settings) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-Dquarkus.profile=" + profile);
        command.add("-Dquarkus.http.port=0");
        command.add("-Dkafka.bootstrap.servers=" + Kafka.bootstrap());
        command.add("-Dapp.instance=" + name);
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(Path.of(System.getProperty("bridge.app.jar", "target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath().toString());
        Path log = dir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        synchronized (LIVE) {
            LIVE.add(process);
        }
        return new App(name, dir, process);
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

    Path ids() {
        return dir.resolve(name + ".ids");
    }

    /** Waits until it listens on HTTP (its port read from its log). */
    App awaitReady() {
        await(name + " ready").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "; see " + log + ":\n"
                        + tail(40));
            }
            Matcher m = LISTENING.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
                return true;
            }
            return false;
        });
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

    /** SIGKILL, and wait for the end. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, and wait for the exit; returns its code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not exit within " + timeout + " of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        synchronized (LIVE) {
            LIVE.remove(process);
        }
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
