package dev.signalbus.it.weld;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One JVM of the application under test: {@code java -Dapp.role=<role> -jar target/bridge-kafka-weld.jar} with
 * {@code -D} settings, its output in {@code <name>.log} of the case's directory.
 */
final class WeldApp implements AutoCloseable {

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

    private WeldApp(String name, Path dir, Process process) {
        this.name = name;
        this.dir = dir;
        this.log = dir.resolve(name + ".log");
        this.process = process;
    }

    /** Starts the jar in this role with these settings (each a {@code -Dkey=value}); does not wait. */
    static WeldApp start(String name, String role, Path dir, Map<String, String> settings) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-Dapp.role=" + role);
        command.add("-Dkafka.bootstrap.servers=" + Kafka.bootstrap());
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(Path.of(System.getProperty("bridge.app.jar", "target/bridge-kafka-weld.jar")).toAbsolutePath()
                .toString());
        Path log = dir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        synchronized (LIVE) {
            LIVE.add(process);
        }
        return new WeldApp(name, dir, process);
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

    Path ids() {
        return dir.resolve(name + ".ids");
    }

    Path failures() {
        return dir.resolve(name + ".failures");
    }

    Path trap() {
        return dir.resolve(name + ".trap");
    }

    /** Waits until the container is up ({@code APP READY} in its log). */
    WeldApp awaitReady() {
        await(name + " ready").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> logContains("APP READY"));
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

    private boolean logContains(String text) throws IOException {
        if (!process.isAlive()) {
            throw new AssertionError(name + " exited with " + process.exitValue() + "; see " + log + ":\n" + tail(40));
        }
        return Files.exists(log) && Files.readString(log).contains(text);
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
            process.destroy(); // SIGTERM: Weld's shutdown hook drains the bus
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
        synchronized (LIVE) {
            LIVE.remove(process);
        }
    }
}
