package dev.signalbus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated Quarkus application: its reactor reaches the extension's modules, each peer has one subscriber on
 * its 1 -> 1 topic and four on its 1 -> 4 topic, and the application writes what {@link QuarkusResults} and
 * {@link LatencyRun} read. Building and running it takes over a minute (run.sh does it), too long for
 * {@code mvn verify}.
 */
class QuarkusBenchAppTest {

    @TempDir
    Path dir;

    @Test
    void generatesAReactorWithTheExtensionAndTheApplication() throws IOException {
        Path root = dir.resolve("repo");
        Path reactor = root.resolve("integration-tests/benchmarks/target/run/quarkus-bench");

        QuarkusBenchApp.generate(reactor, root);

        assertThat(Files.readString(reactor.resolve("pom.xml")))
                .contains("<module>../../../../../extension</module>")
                .contains("<module>../../../../../runtime</module>")
                .contains("<module>../../../../../deployment</module>")
                .contains("<module>app</module>");
        assertThat(Files.readString(reactor.resolve("app/pom.xml")))
                .contains("<relativePath>../../../../../../pom.xml</relativePath>")
                .contains("<artifactId>quarkus-signal-bus</artifactId>")
                .contains("<artifactId>quarkus-maven-plugin</artifactId>");
        // the pools pinned, by default to 4 (run.sh sets them to the number of subscribers of each run)
        assertThat(Files.readString(reactor.resolve("app/src/main/resources/application.properties")))
                .contains("quarkus.thread-pool.core-threads=4")
                .contains("quarkus.thread-pool.max-threads=4")
                .contains("quarkus.vertx.event-loops-pool-size=4");
        for (String source : QuarkusBenchApp.SOURCES) {
            assertThat(reactor.resolve("app/src/main/java/bench/" + source)).isRegularFile();
        }
    }

    @Test
    void everyPeerHasOneSubscriberOnItsOneToOneTopicAndFourOnItsOneToFourTopic() throws IOException {
        Path app = dir.resolve("quarkus-bench");
        QuarkusBenchApp.generate(app, dir);
        Path bench = app.resolve("app/src/main/java/bench");

        assertThat(count(bench, "@Subscribes(\"one\")")).isEqualTo(1);
        assertThat(count(bench, "@Subscribes(\"four\")")).isEqualTo(4);
        assertThat(count(bench, "@ConsumeEvent(value = \"blocking-one\", ordered = true)")).isEqualTo(1);
        assertThat(count(bench, "@ConsumeEvent(value = \"blocking-four\", ordered = true)")).isEqualTo(4);
        assertThat(count(bench, "@Blocking")).isEqualTo(5);
        assertThat(count(bench, "@ConsumeEvent(\"loop-one\")")).isEqualTo(1);
        assertThat(count(bench, "@ConsumeEvent(\"loop-four\")")).isEqualTo(4);
        assertThat(count(bench, "@ObservesAsync @One Payload")).isEqualTo(1);
        assertThat(count(bench, "@ObservesAsync @Four Payload")).isEqualTo(4);
        // each subscriber counts as its own index; the request-scoped bean is there in every subscriber class
        assertThat(count(bench, "Harness.delivered(\"signal-bus\", 3, payload, request);")).isEqualTo(1);
        assertThat(count(bench, "RequestData request;")).isEqualTo(16);
        assertThat(Files.readString(bench.resolve("RequestData.java"))).contains("@RequestScoped");
        assertThat(Files.readString(bench.resolve("Publishers.java"))).contains("@Publishes(\"one\")")
                .contains("@Publishes(\"four\")").contains("eventBus.publish(address, payload)").contains("fireAsync");
    }

    @Test
    void theApplicationWritesWhatTheReportReads() throws IOException {
        QuarkusBenchApp.generate(dir.resolve("quarkus-bench"), dir);
        String main = Files.readString(dir.resolve("quarkus-bench/app/src/main/java/bench/Main.java"));

        for (String peer : QuarkusBenchApp.PEERS) {
            assertThat(main).contains("\"" + peer + "\"");
        }
        assertThat(main).contains("@QuarkusMain").contains("implements QuarkusApplication");
        // the two headers, written when the file is new, are those of the readers
        assertThat(main).contains("\"" + QuarkusResults.HEADER.replace("\t", "\\t") + "\"");
        String latencyHeader = LatencyRun.Result.HEADER.replace("\t", "\\t");
        int split = latencyHeader.indexOf("\\tkept up");
        assertThat(main).contains("\"" + latencyHeader.substring(0, split) + "\"")
                .contains("\"" + latencyHeader.substring(split) + "\"");
        // a latency line as Main formats it reads back in LatencyRun's format, GC columns included
        String line = String.format(java.util.Locale.ROOT,
                "%s\t%d\t%.0f\t%.0f\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%s\t%d\t%d", "arc-async", 4, 1000.0, 999.0, 500L,
                2000L, 10.0, 20.0, 30.0, 40.0, true, 2L, 7L);
        assertThat(main).contains("\"%s\\t%d\\t%.0f\\t%.0f\\t%d\\t%d\\t%.1f\\t%.1f\\t%.1f\\t%.1f\\t%s\\t%d\\t%d\"");
        LatencyRun.Result parsed = LatencyRun.Result.parse(line);
        assertThat(parsed.gcPauseMillis()).isEqualTo(7);
        assertThat(parsed.samples()).isEqualTo(2000);
    }

    private static long count(Path sources, String text) throws IOException {
        try (Stream<Path> files = Files.list(sources)) {
            return files.flatMap(QuarkusBenchAppTest::lines).filter(line -> line.contains(text)).count();
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
