package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * A {@code @Dependent} argument of a subscriber that returns a {@code CompletionStage} lives until
 * the stage completes, so the asynchronous work can still use it; then it is destroyed.
 */
class AsyncSubscriberDependentArgumentTest {

    static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    static final CompletableFuture<Void> DONE = new CompletableFuture<>();

    @Test
    void dependentArgumentIsDestroyedAfterCompletion() {
        try (WeldContainer container = Cdi.boot(Connection.class, Subscriber.class)) {
            SignalBus bus = container.select(SignalBus.class).get();
            bus.publish("uploads", "report.pdf");
            await().atMost(Duration.ofSeconds(10)).until(() -> EVENTS.contains("upload report.pdf"));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> !EVENTS.contains("connection closed"));

            DONE.complete(null);
            await().atMost(Duration.ofSeconds(10)).until(() -> EVENTS.contains("connection closed"));
            assertThat(EVENTS).containsExactly("upload report.pdf", "connection closed");
        }
    }

    @Dependent
    static class Connection {
        void send(String file) {
            EVENTS.add("upload " + file);
        }

        @PreDestroy
        void close() {
            EVENTS.add("connection closed");
        }
    }

    @ApplicationScoped
    static class Subscriber {
        CompletionStage<Void> upload(@Subscribes("uploads") String file, Connection connection) {
            connection.send(file);
            return DONE;
        }
    }
}
