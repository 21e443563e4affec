package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/** {@code null} and an empty {@code Optional} publish nothing; a present {@code Optional} publishes its value. */
class OnlyPresentValuesArePublishedTest {

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    @Test
    void nullAndEmptyPublishNothing() {
        try (WeldContainer container = Cdi.boot(Publisher.class, Subscriber.class)) {
            Publisher publisher = container.select(Publisher.class).get();
            assertThat(publisher.nothing()).isNull();
            assertThat(publisher.maybe(null)).isEmpty();
            assertThat(publisher.maybe("present")).contains("present");
            assertThat(publisher.nothing()).isNull();
            assertThat(container.select(SignalBus.class).get().awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(RECEIVED).containsExactly("present");
        }
    }

    @ApplicationScoped
    static class Publisher {
        @Publishes("words")
        String nothing() {
            return null;
        }

        @Publishes("words")
        Optional<String> maybe(String word) {
            return Optional.ofNullable(word);
        }
    }

    @ApplicationScoped
    static class Subscriber {
        void receive(@Subscribes("words") String word) {
            RECEIVED.add(word);
        }
    }
}
