package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

/** A primitive return value is published boxed and delivered to a primitive parameter. */
class PrimitiveSignalTest {

    static final List<Integer> RECEIVED = new CopyOnWriteArrayList<>();

    @Test
    void intTravelsAsInteger() {
        try (WeldContainer container = Cdi.boot(Counter.class, Subscriber.class)) {
            Counter counter = container.select(Counter.class).get();
            counter.next();
            counter.next();
            await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVED.size() == 2);
            assertThat(RECEIVED).containsExactly(1, 2);
        }
    }

    @ApplicationScoped
    static class Counter {
        private int count;

        @Publishes("counts")
        int next() {
            return ++count;
        }
    }

    @ApplicationScoped
    static class Subscriber {
        void receive(@Subscribes("counts") int count) {
            RECEIVED.add(count);
        }
    }
}
