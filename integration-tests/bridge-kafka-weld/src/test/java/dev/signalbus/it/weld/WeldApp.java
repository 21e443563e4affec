package dev.signalbus.it.weld;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.signalbus.it.kafka.JvmApp;

/**
 * One JVM of the application under test: {@code java -Dapp.role=<role> -jar target/bridge-kafka-weld.jar} with
 * {@code -D} settings, its output in {@code <name>.log} of the case's directory (launched by bridge-kafka's
 * {@link JvmApp}). Closing it stops it with SIGTERM first: Weld's shutdown hook drains the bus.
 */
final class WeldApp extends JvmApp {

    private static final Pattern READY = Pattern.compile(Pattern.quote("APP READY"));

    private WeldApp(String name, String role, Path dir, Map<String, String> settings) throws IOException {
        super(name, dir, List.of("-Dapp.role=" + role), settings, "target/bridge-kafka-weld.jar");
    }

    /** Starts the jar in this role with these settings (each a {@code -Dkey=value}); does not wait. */
    static WeldApp start(String name, String role, Path dir, Map<String, String> settings) throws IOException {
        return new WeldApp(name, role, dir, settings);
    }

    /** A sender of ids {@code from .. from+count-1} to the Kafka topic; it exits when the broker has them all. */
    static WeldApp sender(String name, Path dir, String topic, long from, long count) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("app.topic", topic);
        settings.put("app.from", String.valueOf(from));
        settings.put("app.count", String.valueOf(count));
        return start(name, "sender", dir, settings);
    }

    /** A receiver of the Kafka topic in this consumer group, appending ids to {@code <name>.ids}. */
    static WeldApp receiver(String name, Path dir, String topic, String group, Map<String, String> more)
            throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("app.topic", topic);
        settings.put("app.group", group);
        settings.put("app.ids-file", dir.resolve(name + ".ids").toAbsolutePath().toString());
        settings.put("app.failures-file", dir.resolve(name + ".failures").toAbsolutePath().toString());
        settings.put("app.trap-file", dir.resolve(name + ".trap").toAbsolutePath().toString());
        settings.putAll(more);
        return start(name, "receiver", dir, settings);
    }

    Path failures() {
        return file(".failures");
    }

    Path trap() {
        return file(".trap");
    }

    /** Waits until the container is up ({@code APP READY} in its log). */
    WeldApp awaitReady() {
        awaitLog("ready", READY);
        return this;
    }

    /** Waits until the sender exited; returns its {@code SENDER DONE} line. */
    String awaitSent(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not finish within " + timeout + "; see " + log + ":\n" + tail(40));
        }
        String done = Files.readAllLines(log).stream().filter(l -> l.startsWith("SENDER DONE")).findFirst()
                .orElseThrow(() -> new AssertionError(name + " exited with " + process.exitValue()
                        + " without SENDER DONE; see " + log + ":\n" + tail(40)));
        if (process.exitValue() != 0) {
            throw new AssertionError(name + " exited with " + process.exitValue() + ": " + done);
        }
        return done;
    }

    /** SIGTERM first, so that Weld's shutdown hook drains the bus; killed if still running after a minute. */
    @Override
    protected Duration gracefulStop() {
        return Duration.ofSeconds(60);
    }
}
