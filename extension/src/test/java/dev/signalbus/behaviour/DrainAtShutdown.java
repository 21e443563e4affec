package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * When the application stops, the bus drains before any bean is destroyed: every queued signal is delivered, and so is
 * everything subscribers publish while draining, to the end of the chain; afterwards publishing throws. The scenario
 * publishes to a slow first stage and returns at once, without waiting.
 */
public class DrainAtShutdown extends Behaviour {

    static final int SIGNALS = 30;

    static List<String> events() {
        return Shared.get("drain-at-shutdown.events", CopyOnWriteArrayList::new);
    }

    @Override
    public void run(Container app) {
        SignalBus bus = app.select(SignalBus.class);
        for (int i = 0; i < SIGNALS; i++) {
            bus.publish("uploaded", "image-" + i);
        }
        // no awaitIdle: stopping the application must deliver everything
    }

    @Override
    public void afterStop(String container) {
        try {
            List<String> events = events();
            assertThat(events.stream().filter(e -> e.startsWith("resized "))).hasSize(SIGNALS);
            assertThat(events.stream().filter(e -> e.startsWith("archived "))).hasSize(SIGNALS);
            assertThat(events).contains("archived image-" + (SIGNALS - 1) + " (resized)");
            // the beans were destroyed only after the last delivery, and publishing was refused by then
            int firstDestroyed = Math.min(events.indexOf("resizer destroyed"), events.indexOf("archive destroyed"));
            assertThat(firstDestroyed).isGreaterThan(events.indexOf("archived image-" + (SIGNALS - 1) + " (resized)"));
            assertThat(events).anySatisfy(e -> assertThat(e).startsWith("publish after stop refused:").contains("stopped"));
        } finally {
            Shared.clear("drain-at-shutdown.");
        }
    }

    @ApplicationScoped
    public static class Resizer {
        @Inject
        SignalBus bus;

        @Publishes("resized")
        String resize(@Subscribes("uploaded") String image) throws InterruptedException {
            Thread.sleep(20); // a slow subscriber, so that its queue is still full at shutdown
            events().add("resized " + image);
            return image + " (resized)";
        }

        @PreDestroy
        void destroy() {
            try {
                bus.publish("uploaded", "too late");
                events().add("publish after stop accepted");
            } catch (IllegalStateException e) {
                events().add("publish after stop refused: " + e.getMessage());
            }
            events().add("resizer destroyed");
        }
    }

    @ApplicationScoped
    public static class Archive {
        void archive(@Subscribes("resized") String image) {
            events().add("archived " + image);
        }

        @PreDestroy
        void destroy() {
            events().add("archive destroyed");
        }
    }
}
