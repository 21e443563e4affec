package dev.signalbus.benchmarks;

import static dev.signalbus.benchmarks.GeneratedApps.write;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates the Quarkus throughput and latency application and a Maven reactor that builds it together with the
 * extension's modules (no {@code mvn install}), as {@link StartupApps} does for the start-up comparison. The
 * application (production mode, {@code quarkus-run.jar}, command mode: it runs, appends TSV to {@code --out} and
 * exits) has four peers, each with a topic or address of one subscriber (1 -> 1) and one of four (1 -> 4):
 * <ul>
 * <li>{@value #SIGNAL_BUS}: a {@code @Publishes} method of an {@code @ApplicationScoped} bean, called through its
 * client proxy; {@code @Subscribes} methods of {@code @ApplicationScoped} beans (blocking: the Quarkus worker
 * pool, a request context per delivery);</li>
 * <li>{@value #CONSUME_EVENT_BLOCKING}: {@code EventBus.publish} to {@code @ConsumeEvent(ordered = true)
 * @Blocking} methods (the worker pool, one message at a time per consumer);</li>
 * <li>{@value #CONSUME_EVENT}: {@code EventBus.publish} to {@code @ConsumeEvent} methods on the event loop;</li>
 * <li>{@value #ARC_ASYNC}: ArC's {@code Event.fireAsync} to {@code @ObservesAsync} methods (ArC's default executor,
 * the worker pool).</li>
 * </ul>
 * Every subscriber has the application's {@code @RequestScoped} bean injected and leaves it alone unless the run
 * says {@code --touch-request-scoped true}. The sources are {@code quarkus-app/*.java} beside this class, the
 * subscriber classes generated here.
 * <p>
 * Usage: {@code QuarkusBenchApp --dir target/run/quarkus-bench --root <repository root>}; then
 * {@code mvn -f <dir>/pom.xml package -DskipTests} and {@code java -jar <dir>/app/target/quarkus-app/quarkus-run.jar
 * --mode throughput|latency ...} (see {@code Main}); {@link QuarkusResults} reads its throughput output.
 */
public final class QuarkusBenchApp {

    static final String SIGNAL_BUS = "signal-bus";
    static final String CONSUME_EVENT_BLOCKING = "consume-event-blocking";
    static final String CONSUME_EVENT = "consume-event";
    static final String ARC_ASYNC = "arc-async";
    /** Ours first; the peers as the application names them. */
    static final List<String> PEERS = List.of(SIGNAL_BUS, CONSUME_EVENT_BLOCKING, CONSUME_EVENT, ARC_ASYNC);
    /** The CDI-integrated peers of the Quarkus target: {@code @ConsumeEvent} and ArC events. */
    static final List<String> CDI_PEERS = List.of(CONSUME_EVENT_BLOCKING, CONSUME_EVENT, ARC_ASYNC);

    static final String APP = "app";
    static final String JAR = APP + "/target/quarkus-app/quarkus-run.jar";
    static final int SUBSCRIBERS = 4;

    /** The application's fixed sources, resources beside this class. */
    static final List<String> SOURCES = List.of("Main.java", "Harness.java", "Deliveries.java", "Payload.java",
            "Publishers.java", "RequestData.java", "One.java", "Four.java");

    private QuarkusBenchApp() {
    }

    public static void main(String[] args) throws IOException {
        Args a = new Args(args);
        generate(Path.of(a.text("--dir", null)).toAbsolutePath().normalize(),
                Path.of(a.text("--root", null)).toAbsolutePath().normalize());
    }

    static void generate(Path dir, Path root) throws IOException {
        String toRoot = dir.relativize(root).toString();
        write(dir.resolve("pom.xml"), GeneratedApps.reactor(toRoot, "QuarkusBenchApp", "quarkus-bench-reactor", APP));
        Path app = dir.resolve(APP);
        // brings quarkus-arc and quarkus-vertx (@ConsumeEvent, the event bus)
        write(app.resolve("pom.xml"), GeneratedApps.pom(app.relativize(root), "signal-bus-quarkus-bench", """
                    <dependency>
                      <groupId>org.hdrhistogram</groupId>
                      <artifactId>HdrHistogram</artifactId>
                    </dependency>
                """));
        write(app.resolve("src/main/resources/application.properties"), """
                quarkus.banner.enabled=false
                # Pools pinned to one size for every peer; run.sh sets n = the number of subscribers of the run
                # (-Dquarkus.thread-pool.core-threads=n -Dquarkus.thread-pool.max-threads=n
                # -Dquarkus.vertx.event-loops-pool-size=n). The worker pool runs Signal Bus's deliveries (the
                # extension's executor is the injected ScheduledExecutorService, Quarkus' main executor), the
                # @Blocking @ConsumeEvent methods and ArC's async observers; the event loops the other
                # @ConsumeEvent methods.
                quarkus.thread-pool.core-threads=%1$d
                quarkus.thread-pool.max-threads=%1$d
                quarkus.vertx.event-loops-pool-size=%1$d
                """.formatted(SUBSCRIBERS));
        Path sources = app.resolve("src/main/java/bench");
        for (String source : SOURCES) {
            try (InputStream in = QuarkusBenchApp.class.getResourceAsStream("quarkus-app/" + source)) {
                if (in == null) {
                    throw new IllegalStateException("resource quarkus-app/" + source + " missing");
                }
                write(sources.resolve(source), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        for (int i = 0; i < SUBSCRIBERS; i++) {
            write(sources.resolve("SignalBusSubscriber" + i + ".java"), subscriber(i, "SignalBusSubscriber", SIGNAL_BUS,
                    List.of("dev.signalbus.Subscribes"), "", "void %s(@Subscribes(\"%s\") Payload payload)", "one",
                    "four"));
            write(sources.resolve("ConsumeEventBlockingSubscriber" + i + ".java"), subscriber(i,
                    "ConsumeEventBlockingSubscriber", CONSUME_EVENT_BLOCKING, List.of("io.quarkus.vertx.ConsumeEvent",
                            "io.smallrye.common.annotation.Blocking"), "@ConsumeEvent(value = \"%2$s\", ordered = true)\n"
                                    + "    @Blocking\n",
                    "void %s(Payload payload)", "blocking-one", "blocking-four"));
            write(sources.resolve("ConsumeEventSubscriber" + i + ".java"), subscriber(i, "ConsumeEventSubscriber",
                    CONSUME_EVENT, List.of("io.quarkus.vertx.ConsumeEvent"), "@ConsumeEvent(\"%2$s\")\n",
                    "void %s(Payload payload)", "loop-one", "loop-four"));
            write(sources.resolve("ArcAsyncObserver" + i + ".java"), subscriber(i, "ArcAsyncObserver", ARC_ASYNC,
                    List.of("jakarta.enterprise.event.ObservesAsync"), "",
                    "void %s(@ObservesAsync @%s Payload payload)", "One", "Four"));
        }
    }

    /**
     * One subscriber class of a peer: subscriber {@code index} of the 1 -> 4 topic, and for index 0 also the
     * subscriber of the 1 -> 1 topic.
     *
     * @param annotation put before each method; {@code %2$s} is the topic
     * @param signature {@code %1$s} the method name, {@code %2$s} the topic
     */
    private static String subscriber(int index, String prefix, String peer, List<String> imports, String annotation,
            String signature, String oneTopic, String fourTopic) {
        StringBuilder methods = new StringBuilder();
        if (index == 0) {
            methods.append(method(annotation, signature, "one", oneTopic, peer, 0));
        }
        methods.append(method(annotation, signature, "four", fourTopic, peer, index));
        StringBuilder importLines = new StringBuilder();
        for (String i : imports) {
            importLines.append("import ").append(i).append(";\n");
        }
        return """
                package bench;

                import jakarta.enterprise.context.ApplicationScoped;
                import jakarta.inject.Inject;

                %s
                /** Generated by QuarkusBenchApp: subscriber %d of peer %s. */
                @ApplicationScoped
                public class %s%d {

                    @Inject
                    RequestData request;
                %s}
                """.formatted(importLines, index, peer, prefix, index, methods);
    }

    private static String method(String annotation, String signature, String name, String topic, String peer,
            int index) {
        return "\n    " + (annotation.isEmpty() ? "" : annotation.formatted(name, topic) + "    ")
                + signature.formatted(name, topic) + " {\n"
                + "        Harness.delivered(\"" + peer + "\", " + index + ", payload, request);\n    }\n";
    }
}
