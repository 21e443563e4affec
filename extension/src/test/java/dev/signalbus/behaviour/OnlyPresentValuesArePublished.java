package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/** {@code null} and an empty {@code Optional} publish nothing; a present {@code Optional} publishes its value. */
public class OnlyPresentValuesArePublished extends Behaviour {

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    @Override
    public void run(Container app) {
        Words words = app.select(Words.class);
        assertThat(words.nothing()).isNull();
        assertThat(words.maybe(null)).isEmpty();
        assertThat(words.maybe("present")).contains("present");
        assertThat(words.nothing()).isNull();
        assertThat(app.select(SignalBus.class).awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(RECEIVED).containsExactly("present");
    }

    @ApplicationScoped
    public static class Words {
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
    public static class Subscriber {
        void receive(@Subscribes("words") String word) {
            RECEIVED.add(word);
        }
    }
}
