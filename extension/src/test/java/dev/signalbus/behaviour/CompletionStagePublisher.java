package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/** A {@code CompletionStage} publishes its value once it completes normally, and nothing if it fails. */
public class CompletionStagePublisher extends Behaviour {

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    @Override
    public void run(Container app) {
        Fetcher fetcher = app.select(Fetcher.class);
        CompletableFuture<String> later = new CompletableFuture<>();
        CompletableFuture<String> failing = new CompletableFuture<>();
        fetcher.fetch(later);
        fetcher.fetch(failing);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(RECEIVED::isEmpty);

        failing.completeExceptionally(new IllegalStateException("no luck"));
        later.complete("fetched");

        await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVED.contains("fetched"));
        assertThat(app.select(SignalBus.class).awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(RECEIVED).containsExactly("fetched");
    }

    @ApplicationScoped
    public static class Fetcher {
        @Publishes("fetched")
        CompletionStage<String> fetch(CompletableFuture<String> result) {
            return result;
        }
    }

    @ApplicationScoped
    public static class Subscriber {
        void receive(@Subscribes("fetched") String value) {
            RECEIVED.add(value);
        }
    }
}
