package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * Closing the container drains the bus before any bean is destroyed: what is queued is delivered,
 * and so is everything subscribers publish while draining, to the end of the chain.
 */
class DrainDeliversChainsTest {

    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @Test
    void chainIsDeliveredToTheEndBeforeBeansAreDestroyed() {
        WeldContainer container = Cdi.boot(Resizer.class, Archive.class);
        SignalBus bus = container.select(SignalBus.class).get();
        for (int i = 0; i < 20; i++) {
            bus.publish("uploaded", "image-" + i);
        }
        container.close();

        assertThat(EVENTS.stream().filter(e -> e.startsWith("archived")).toList()).hasSize(20);
        // the archive was destroyed only after its last delivery
        assertThat(EVENTS.get(EVENTS.size() - 1)).isEqualTo("archive destroyed");
        assertThat(EVENTS).contains("archived image-19 (resized)");
    }

    @ApplicationScoped
    static class Resizer {
        @Publishes("resized")
        String resize(@Subscribes("uploaded") String image) throws InterruptedException {
            Thread.sleep(5); // the work
            return image + " (resized)";
        }
    }

    @ApplicationScoped
    static class Archive {
        void archive(@Subscribes("resized") String image) {
            EVENTS.add("archived " + image);
        }

        @PreDestroy
        void destroy() {
            EVENTS.add("archive destroyed");
        }
    }
}
