package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/** A {@code @Dependent} subscriber bean gets a new instance for every delivery, destroyed after it. */
public class DependentSubscriber extends Behaviour {

    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @Override
    public void run(Container app) {
        SignalBus bus = app.select(SignalBus.class);
        bus.publish("tasks", "a");
        bus.publish("tasks", "b");
        await().atMost(Duration.ofSeconds(10)).until(() -> EVENTS.size() == 6);
        assertThat(EVENTS).containsExactly("created", "handled a", "destroyed", "created", "handled b", "destroyed");
    }

    @Dependent
    public static class Handler {
        @PostConstruct
        void created() {
            EVENTS.add("created");
        }

        void handle(@Subscribes("tasks") String task) {
            EVENTS.add("handled " + task);
        }

        @PreDestroy
        void destroyed() {
            EVENTS.add("destroyed");
        }
    }
}
