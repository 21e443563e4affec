package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import io.smallrye.mutiny.Uni;

/**
 * A Mutiny {@code Uni} returned by a {@code @Publishes} method on the portable extension, as on Quarkus: nothing is
 * published until the caller subscribes; then its item is, once per subscription that emits; a null item or a
 * failure publishes nothing. (It used to publish the {@code Uni} itself, which every subscriber refused.)
 */
class UniPublisherTest {

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    @Test
    void theItemIsPublishedWhenTheCallerSubscribes() {
        try (WeldContainer container = Cdi.boot(Publisher.class, Subscriber.class)) {
            Publisher publisher = container.select(Publisher.class).get();
            SignalBus bus = container.select(SignalBus.class).get();

            Uni<String> uni = publisher.fetch("fetched");
            assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(RECEIVED).as("nothing before the subscription").isEmpty();

            assertThat(uni.await().atMost(Duration.ofSeconds(10))).isEqualTo("fetched");
            publisher.fetch(null).await().atMost(Duration.ofSeconds(10));
            publisher.failing().onFailure().recoverWithNull().await().atMost(Duration.ofSeconds(10));

            assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(RECEIVED).containsExactly("fetched");
        }
    }

    @ApplicationScoped
    static class Publisher {
        @Publishes("fetched")
        Uni<String> fetch(String value) {
            return Uni.createFrom().item(value);
        }

        @Publishes("fetched")
        Uni<String> failing() {
            return Uni.createFrom().failure(new IllegalStateException("no luck"));
        }
    }

    @ApplicationScoped
    static class Subscriber {
        void receive(@Subscribes("fetched") String value) {
            RECEIVED.add(value);
        }
    }
}
