package dev.signalbus.benchmarks;

import static dev.signalbus.benchmarks.GeneratedApps.write;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Generates the two Quarkus applications of the start-up comparison, and a Maven reactor that
 * builds them together with the extension's modules (so that no {@code mvn install} is needed): an
 * application with {@code methods} subscriber methods (beans of 10 methods each, on 10 topics, each
 * topic with one publisher), and the same application without the subscribers.
 * <p>
 * Usage: {@code StartupApps --dir target/quarkus-startup --root <repository root> [--methods 1000]};
 * then {@code mvn -f <dir>/pom.xml package -DskipTests} and {@link StartupRun}.
 */
public final class StartupApps {

    static final int TOPICS = 10;
    static final int METHODS_PER_BEAN = 10;
    static final String EMPTY = "empty";
    static final String SUBSCRIBERS = "subscribers";

    private StartupApps() {
    }

    public static void main(String[] args) throws IOException {
        Args a = new Args(args);
        Path dir = Path.of(a.text("--dir", null)).toAbsolutePath().normalize();
        Path root = Path.of(a.text("--root", null)).toAbsolutePath().normalize();
        int methods = a.integer("--methods", 1000);
        if (methods % METHODS_PER_BEAN != 0) {
            throw new IllegalArgumentException("--methods must be a multiple of " + METHODS_PER_BEAN);
        }
        generate(dir, root, methods);
    }

    static void generate(Path dir, Path root, int methods) throws IOException {
        String toRoot = dir.relativize(root).toString();
        write(dir.resolve("pom.xml"), GeneratedApps.reactor(toRoot, "StartupApps", "quarkus-startup-reactor", EMPTY, SUBSCRIBERS));
        app(dir.resolve(EMPTY), root, EMPTY, 0);
        app(dir.resolve(SUBSCRIBERS), root, SUBSCRIBERS, methods);
    }

    private static void app(Path app, Path root, String name, int methods) throws IOException {
        write(app.resolve("pom.xml"), GeneratedApps.pom(app.relativize(root), "signal-bus-startup-" + name, ""));
        write(app.resolve("src/main/resources/application.properties"), """
                quarkus.banner.enabled=false
                """);
        Path sources = app.resolve("src/main/java/bench");
        StringBuilder publishers = new StringBuilder();
        for (int t = 0; t < TOPICS; t++) {
            publishers.append("""
                        @Publishes("topic-%1$d")
                        String publish%1$d(String value) {
                            return value;
                        }

                    """.formatted(t));
        }
        // both applications have the publishers: they differ only by the subscriber methods
        write(sources.resolve("Publishers.java"), """
                package bench;

                import jakarta.enterprise.context.ApplicationScoped;

                import dev.signalbus.Publishes;

                @ApplicationScoped
                public class Publishers {

                %s}
                """.formatted(publishers));
        for (int bean = 0; bean < methods / METHODS_PER_BEAN; bean++) {
            StringBuilder body = new StringBuilder();
            for (int m = 0; m < METHODS_PER_BEAN; m++) {
                body.append("""
                            void on%d(@Subscribes("topic-%d") String signal) {
                                received++;
                            }

                        """.formatted(m, (bean * METHODS_PER_BEAN + m) % TOPICS));
            }
            write(sources.resolve("Subscribers" + bean + ".java"), """
                    package bench;

                    import jakarta.enterprise.context.ApplicationScoped;

                    import dev.signalbus.Subscribes;

                    @ApplicationScoped
                    public class Subscribers%d {

                        int received;

                    %s}
                    """.formatted(bean, body));
        }
    }
}
