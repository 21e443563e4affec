package dev.signalbus.demo.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Native readiness without GraalVM: run with {@code -Dnative} (the {@code native} profile generates the native-image
 * sources only) and check the reflection configuration Quarkus generated for the demo.
 * <p>
 * Subscribers and periodic tasks are called through ArC invokers, instantiated with {@code new}: no demo class may be
 * registered for its constructors, fields or all its methods, and no subscriber or periodic method may be registered.
 * The only demo entries allowed are the {@code @Publishes} methods, which ArC registers for every intercepted method
 * so that {@code InvocationContext.getMethod()} works (as for any interceptor binding, e.g. {@code @Transactional}).
 */
class NativeSourcesIT {

    private static final String DEMO_PACKAGE = "dev.signalbus.demo.quarkus.";
    private static final Set<String> PUBLISHES_METHODS = Set.of("FooPublisher#fooPublisher",
            "Greetings#generateGreeting", "DataFetcher#getData");

    @Test
    void reflectionConfigurationHasNothingForTheDeliveryPath() throws IOException {
        JsonNode reflection = reflectionConfiguration();
        assertThat(reflection.isArray()).isTrue();
        List<String> demoEntries = new ArrayList<>();
        for (JsonNode entry : reflection) {
            String name = entry.path("name").asText(entry.path("type").asText());
            if (!name.startsWith(DEMO_PACKAGE)) {
                continue;
            }
            String simpleName = name.substring(DEMO_PACKAGE.length());
            assertThat(entry.has("fields")).as("fields of %s", name).isFalse();
            entry.fieldNames().forEachRemaining(field -> assertThat(field).as("%s registers %s", name, field)
                    .doesNotStartWith("all").doesNotStartWith("query").doesNotStartWith("unsafe"));
            for (JsonNode method : entry.path("methods")) {
                demoEntries.add(simpleName + "#" + method.path("name").asText());
            }
        }
        assertThat(demoEntries).allMatch(PUBLISHES_METHODS::contains);
    }

    private static JsonNode reflectionConfiguration() throws IOException {
        Path sources = Path.of("target", "native-sources");
        assertThat(sources).as("run with -Dnative to generate the native-image sources").isDirectory();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(sources, "*-runner.jar")) {
            for (Path jar : jars) {
                try (JarFile runner = new JarFile(jar.toFile())) {
                    ZipEntry entry = runner.getEntry("META-INF/native-image/reflect-config.json");
                    assertThat(entry).as("reflect-config.json in %s", jar).isNotNull();
                    try (InputStream in = runner.getInputStream(entry)) {
                        return new ObjectMapper().readTree(in);
                    }
                }
            }
        }
        throw new AssertionError("No *-runner.jar in " + sources);
    }
}
