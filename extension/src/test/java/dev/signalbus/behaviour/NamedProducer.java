package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

/**
 * Seed example 2, written once for both containers: a subscriber's other parameter comes from a
 * {@code @Produces @Named} method, called for every delivery, and the {@code @Dependent} instance is destroyed after
 * each call, before the next delivery.
 */
public class NamedProducer extends Behaviour {

    @Override
    public void run(Container app) {
        GreetingPublisher publisher = app.select(GreetingPublisher.class);
        Events events = app.select(Events.class);
        publisher.generateGreeting("hello");
        publisher.generateGreeting("hi");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events.all()).hasSize(4));
        assertThat(events.all()).containsExactly(
                "hello from Frank#1", "destroyed Frank#1",
                "hi from Frank#2", "destroyed Frank#2");
    }

    /** A name that knows which factory call made it. */
    public record Name(String value) {
    }

    /** What happened, in order; read through methods (a test may hold a client proxy). */
    @ApplicationScoped
    public static class Events {
        private final List<String> events = new CopyOnWriteArrayList<>();
        private final AtomicInteger created = new AtomicInteger();

        void add(String event) {
            events.add(event);
        }

        int nextName() {
            return created.incrementAndGet();
        }

        public List<String> all() {
            return List.copyOf(events);
        }
    }

    @ApplicationScoped
    public static class GreetingPublisher {
        @Publishes("greeting")
        public String generateGreeting(String arg) {
            return arg;
        }
    }

    @ApplicationScoped
    public static class NameFactory {
        @Inject
        Events events;

        @Produces
        @Dependent
        @Named("name")
        Name nameFactory() {
            return new Name("Frank#" + events.nextName());
        }

        void destroy(@Disposes @Named("name") Name name) {
            events.add("destroyed " + name.value());
        }
    }

    @ApplicationScoped
    public static class GreetingPrinter {
        @Inject
        Events events;

        void printGreeting(@Subscribes("greeting") String greeting, @Named("name") Name name) {
            events.add(greeting + " from " + name.value());
        }
    }
}
