package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/** A {@code CompletionStage} publishes its value once it completes normally, and nothing if it fails. */
class CompletionStagePublishesOnCompletionTest {

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    @Test
    void valueIsPublishedWhenTheStageCompletes() {
        try (WeldContainer container = Cdi.boot(Publisher.class, Subscriber.class)) {
            Publisher publisher = container.select(Publisher.class).get();
            CompletableFuture<String> later = new CompletableFuture<>();
            CompletableFuture<String> failing = new CompletableFuture<>();
            publisher.fetch(later);
            publisher.fetch(failing);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(RECEIVED::isEmpty);

            failing.completeExceptionally(new IllegalStateException("no luck"));
            later.complete("fetched");

            await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVED.contains("fetched"));
            assertThat(container.select(SignalBus.class).get().awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(RECEIVED).containsExactly("fetched");
        }
    }

    @ApplicationScoped
    static class Publisher {
        @Publishes("fetched")
        CompletionStage<String> fetch(CompletableFuture<String> result) {
            return result;
        }
    }

    @ApplicationScoped
    static class Subscriber {
        void receive(@Subscribes("fetched") String value) {
            RECEIVED.add(value);
        }
    }
}
