package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/** A publisher's exception reaches its caller unchanged and publishes nothing. */
class PublisherExceptionReachesCallerTest {

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    static final IllegalArgumentException FAILURE = new IllegalArgumentException("bad order");

    @Test
    void callerGetsTheSameExceptionAndNothingIsPublished() {
        try (WeldContainer container = Cdi.boot(Publisher.class, Subscriber.class)) {
            Publisher publisher = container.select(Publisher.class).get();
            assertThatThrownBy(() -> publisher.place("book")).isSameAs(FAILURE);
            assertThat(container.select(SignalBus.class).get().awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(RECEIVED).isEmpty();
        }
    }

    @ApplicationScoped
    static class Publisher {
        @Publishes("orders")
        String place(String item) {
            throw FAILURE;
        }
    }

    @ApplicationScoped
    static class Subscriber {
        void receive(@Subscribes("orders") String order) {
            RECEIVED.add(order);
        }
    }
}
