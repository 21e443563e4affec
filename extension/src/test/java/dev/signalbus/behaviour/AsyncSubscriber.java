package dev.signalbus.behaviour;

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

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * A subscriber that returns a {@code CompletionStage} is still delivering until the stage completes: with concurrency
 * 1 the next signal waits for it, the bus is not idle, and its {@code @Dependent} argument lives until then, so the
 * asynchronous work can still use it; then it is destroyed.
 */
public class AsyncSubscriber extends Behaviour {

    static final List<CompletableFuture<Void>> STARTED = new CopyOnWriteArrayList<>();
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @Override
    public void run(Container app) {
        SignalBus bus = app.select(SignalBus.class);
        bus.publish("uploads", "first");
        bus.publish("uploads", "second");
        await().atMost(Duration.ofSeconds(10)).until(() -> STARTED.size() == 1);
        assertThat(bus.awaitIdle(Duration.ofMillis(300))).as("the stage has not completed").isFalse();
        assertThat(EVENTS).containsExactly("upload first");

        STARTED.get(0).complete(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> STARTED.size() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> EVENTS.size() == 3);
        assertThat(EVENTS).containsExactly("upload first", "connection closed", "upload second");

        STARTED.get(1).complete(null);
        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> EVENTS.size() == 4);
        assertThat(EVENTS).endsWith("connection closed");
    }

    @Dependent
    public static class Connection {
        void send(String file) {
            EVENTS.add("upload " + file);
        }

        @PreDestroy
        void close() {
            EVENTS.add("connection closed");
        }
    }

    @ApplicationScoped
    public static class Uploader {
        CompletionStage<Void> upload(@Subscribes("uploads") String file, Connection connection) {
            connection.send(file);
            CompletableFuture<Void> done = new CompletableFuture<>();
            STARTED.add(done);
            return done;
        }
    }
}
