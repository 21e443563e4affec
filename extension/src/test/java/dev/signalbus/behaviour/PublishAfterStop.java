package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

/**
 * Once the bus has drained at shutdown, publishing throws an {@code IllegalStateException} that says so and names the
 * topic: here a {@code @Publishes} method called by an observer of {@code @BeforeDestroyed(ApplicationScoped.class)},
 * which runs after the drain.
 */
public class PublishAfterStop extends Behaviour {

    /** The class and message of what publishing threw, or "accepted". */
    static List<String> outcome() {
        return Shared.get("publish-after-stop.outcome", CopyOnWriteArrayList::new);
    }

    @Override
    public void run(Container app) {
        // nothing to do while the application runs: its stop publishes
    }

    @Override
    public void afterStop(String container) {
        try {
            assertThat(outcome()).singleElement().satisfies(failure -> assertThat(failure)
                    .startsWith(IllegalStateException.class.getName() + ": ").contains("stopped").contains("'late'"));
        } finally {
            Shared.clear("publish-after-stop.");
        }
    }

    @ApplicationScoped
    public static class LateObserver {
        // an ordinary observer runs after the bus's drain, which comes first
        void onShutdown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event, LatePublisher publisher) {
            try {
                publisher.publish("too late");
                outcome().add("accepted");
            } catch (RuntimeException e) {
                outcome().add(e.getClass().getName() + ": " + e.getMessage());
            }
        }
    }

    @ApplicationScoped
    public static class LatePublisher {
        @Publishes("late")
        String publish(String text) {
            return text;
        }
    }

    @ApplicationScoped
    public static class Subscriber {
        void receive(@Subscribes("late") String text) {
        }
    }
}
