package dev.signalbus.it.kafka;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JVM of an application under test, launched from its jar: {@code java -Xmx256m -XX:+UseSerialGC <options>
 * -Dkafka.bootstrap.servers=… -D<settings> -jar <jar>} in the case's directory, its output in {@code <name>.log}
 * there. Every JVM started and not yet closed is killed when the test JVM exits, whatever happened. Shared with
 * integration-tests/bridge-kafka-weld through this module's test-jar.
 */
public abstract class JvmApp implements AutoCloseable {

    private static final List<Process> LIVE = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (LIVE) {
                LIVE.forEach(Process::destroyForcibly);
            }
        }));
    }

    public final String name;
    public final Path dir;
    public final Path log;
    public final Process process;

    /**
     * Starts the jar ({@code -Dbridge.app.jar}, else {@code defaultJar}) with these JVM options and settings (each
     * a {@code -Dkey=value}); does not wait.
     */
    protected JvmApp(String name, Path dir, List<String> options, Map<String, String> settings, String defaultJar)
            throws IOException {
        this.name = name;
        this.dir = dir;
        this.log = dir.resolve(name + ".log");
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.addAll(options);
        command.add("-Dkafka.bootstrap.servers=" + Kafka.bootstrap());
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(Path.of(System.getProperty("bridge.app.jar", defaultJar)).toAbsolutePath().toString());
        this.process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        synchronized (LIVE) {
            LIVE.add(process);
        }
    }

    /** A file of this JVM in the case's directory: {@code <name><suffix>}. */
    public Path file(String suffix) {
        return dir.resolve(name + suffix);
    }

    /** Where a receiver appends the ids it delivered: {@code <name>.ids}. */
    public Path ids() {
        return file(".ids");
    }

    /** Waits until the log has a match of {@code pattern} (as {@code what}), failing at once if the JVM exited. */
    protected Matcher awaitLog(String what, Pattern pattern) {
        Matcher[] found = new Matcher[1];
        await(name + " " + what).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "; see " + log + ":\n"
                        + tail(40));
            }
            Matcher m = pattern.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) {
                found[0] = m;
                return true;
            }
            return false;
        });
        return found[0];
    }

    /** SIGKILL, and wait for the end. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, and wait for the exit; returns its code. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not exit within " + timeout + " of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * How long {@link #close} lets a JVM still running stop on SIGTERM before it kills it; zero (the default): it
     * kills at once.
     */
    protected Duration gracefulStop() {
        return Duration.ZERO;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            Duration graceful = gracefulStop();
            if (!graceful.isZero()) {
                process.destroy();
                process.waitFor(graceful.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
        synchronized (LIVE) {
            LIVE.remove(process);
        }
    }
}
