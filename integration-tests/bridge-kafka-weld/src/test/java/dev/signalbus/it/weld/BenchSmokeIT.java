package dev.signalbus.it.weld;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.signalbus.it.kafka.Kafka;

/**
 * The benchmark's smoke run (bench.sh does the real one): each mode of {@link dev.signalbus.it.weld.bench.BenchMain}
 * in its own JVM against the build's broker, one round of 2,000 signals after one warm-up round of as many.
 */
class BenchSmokeIT {

    @ParameterizedTest
    @ValueSource(strings = { "bridge", "plain" })
    void benchRuns(String mode) throws Exception {
        Path dir = BridgeKafkaWeldIT.workDir().resolve("bench-smoke");
        Files.createDirectories(dir);
        Path log = dir.resolve(mode + ".log");
        String classPath = Path.of("target", "test-classes").toAbsolutePath() + File.pathSeparator
                + Path.of(System.getProperty("bridge.app.jar", "target/bridge-kafka-weld.jar")).toAbsolutePath();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-Dbench.mode=" + mode, "-Dbench.n=2000", "-Dbench.warmup-rounds=1",
                "-Dbench.rounds=1", "-Dbench.round-timeout-seconds=120", "-Dkafka.bootstrap.servers=" + Kafka.bootstrap(), "-cp",
                classPath, "dev.signalbus.it.weld.bench.BenchMain").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("%s finished; see %s", mode, log).isTrue();
        } finally {
            process.destroyForcibly();
        }
        List<String> bench = Files.readAllLines(log).stream().filter(l -> l.startsWith("BENCH ")).toList();
        bench.forEach(System.out::println);
        assertThat(process.exitValue()).as("exit code of %s; see %s", mode, log).isZero();
        assertThat(bench).hasSize(2).allMatch(l -> l.contains("mode=" + mode) && l.contains(" rate="));
    }
}
