package dev.signalbus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up comparison's applications differ only by their subscriber methods, and the generated
 * reactor reaches the extension's modules (run.sh builds it; too slow for {@code mvn verify}).
 */
class StartupAppsTest {

    @TempDir
    Path dir;

    @Test
    void generatesTheSameApplicationWithAndWithoutTheSubscriberMethods() throws IOException {
        Path root = dir.resolve("repo");
        Path reactor = root.resolve("integration-tests/benchmarks/target/run/quarkus-startup");

        StartupApps.generate(reactor, root, 1000);

        assertThat(Files.readString(reactor.resolve("pom.xml")))
                .contains("<module>../../../../../extension</module>")
                .contains("<module>../../../../../deployment</module>")
                .contains("<module>empty</module>")
                .contains("<module>subscribers</module>");
        assertThat(Files.readString(reactor.resolve("empty/pom.xml")))
                .contains("<relativePath>../../../../../../pom.xml</relativePath>");
        assertThat(subscriberMethods(reactor.resolve("subscribers"))).isEqualTo(1000);
        assertThat(subscriberMethods(reactor.resolve("empty"))).isZero();
        assertThat(Files.readString(reactor.resolve("empty/src/main/java/bench/Publishers.java")))
                .isEqualTo(Files.readString(reactor.resolve("subscribers/src/main/java/bench/Publishers.java")));
    }

    private static long subscriberMethods(Path app) throws IOException {
        try (Stream<Path> files = Files.walk(app.resolve("src/main/java"))) {
            return files.filter(Files::isRegularFile).flatMap(StartupAppsTest::lines)
                    .filter(line -> line.contains("@Subscribes(")).count();
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
