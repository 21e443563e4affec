package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

/** A primitive return value is published boxed and delivered to a primitive parameter. */
public class PrimitiveSignal extends Behaviour {

    static final List<Integer> RECEIVED = new CopyOnWriteArrayList<>();

    @Override
    public void run(Container app) {
        Counter counter = app.select(Counter.class);
        counter.next();
        counter.next();
        await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVED.size() == 2);
        assertThat(RECEIVED).containsExactly(1, 2);
    }

    @ApplicationScoped
    public static class Counter {
        private int count;

        @Publishes("counts")
        int next() {
            return ++count;
        }
    }

    @ApplicationScoped
    public static class Subscriber {
        void receive(@Subscribes("counts") int count) {
            RECEIVED.add(count);
        }
    }
}
