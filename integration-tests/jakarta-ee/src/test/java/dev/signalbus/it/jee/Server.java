package dev.signalbus.it.jee;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The WildFly started by {@code run-wildfly.sh} (see pom.xml), and the WAR's HTTP endpoint.
 */
final class Server {

    /** Names of the default Jakarta Concurrency executors' threads in WildFly. */
    static final String MANAGED_EXECUTOR_THREAD = "EE-ManagedExecutorService-default-Thread-";
    static final String MANAGED_SCHEDULER_THREAD = "EE-ManagedScheduledExecutorService-default-Thread-";

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final int PORT_OFFSET = Integer.getInteger("wildfly.port-offset", 11000);
    private static final URI API = URI.create("http://127.0.0.1:" + (8080 + PORT_OFFSET) + "/signal-bus-jakarta-ee/api/");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Server() {
    }

    /**
     * One delivery as the endpoint reports it.
     */
    record Delivery(String receiver, String signal, String thread, boolean managed, long atMillis) {
    }

    /** POSTs to the endpoint, expects 200 and returns the body (the request thread's name). */
    static String post(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(API.resolve(path))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    /** GETs from the endpoint, expects 200 and returns the body. */
    static String get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(API.resolve(path)).GET());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    static int status(String path) {
        return send(HttpRequest.newBuilder(API.resolve(path)).GET()).statusCode();
    }

    /** Every delivery recorded so far by the WAR. */
    static List<Delivery> deliveries() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(API.resolve("deliveries")).GET());
        assertThat(response.statusCode()).as("GET deliveries: %s", response.body()).isEqualTo(200);
        List<Delivery> deliveries = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t");
            deliveries.add(new Delivery(fields[0], fields[1], fields[2], Boolean.parseBoolean(fields[3]),
                    Long.parseLong(fields[4])));
        }
        return deliveries;
    }

    /** The deliveries to one receiver. */
    static List<Delivery> deliveries(String receiver) {
        return deliveries().stream().filter(d -> d.receiver().equals(receiver)).toList();
    }

    /** The deliveries to one receiver of signals that start with a prefix. */
    static List<Delivery> deliveries(String receiver, String signalPrefix) {
        return deliveries(receiver).stream().filter(d -> d.signal().startsWith(signalPrefix)).toList();
    }

    static Path deployments() {
        return Path.of(System.getProperty("wildfly.deployments"));
    }

    static String war() {
        return System.getProperty("wildfly.war");
    }

    /** The process of {@code standalone.sh} that run-wildfly.sh started (SIGTERM stops the server in order). */
    static ProcessHandle launcher() throws IOException {
        Path pidFile = deployments().getParent().getParent().resolve("signalbus-it/launcher.pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("the server launcher " + pid + " is gone"));
    }

    static Path chainFile() {
        return Path.of(System.getProperty("chain.file"));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("WildFly is not answering at " + API, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
