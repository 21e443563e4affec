package dev.signalbus.cdi;

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
import jakarta.inject.Named;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

/**
 * README example 2: a subscriber's other parameter comes from a {@code @Produces @Named} method,
 * called for every delivery, and the {@code @Dependent} instance is destroyed after each call.
 */
class NamedProducerInjectionTest {

    static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    static final AtomicInteger CREATED = new AtomicInteger();

    @Test
    void producerIsCalledPerDeliveryAndItsInstanceDestroyedAfterTheCall() {
        try (WeldContainer container = Cdi.boot(GreetingPublisher.class, NameFactory.class, GreetingPrinter.class)) {
            GreetingPublisher publisher = container.select(GreetingPublisher.class).get();
            publisher.generateGreeting("hello");
            publisher.generateGreeting("hi");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(EVENTS).hasSize(4));
            assertThat(EVENTS).containsExactly(
                    "hello from Frank#1", "destroyed Frank#1",
                    "hi from Frank#2", "destroyed Frank#2");
        }
    }

    /** A name that knows which factory call made it. */
    record Name(String value) {
    }

    @ApplicationScoped
    static class GreetingPublisher {
        @Publishes("greeting")
        String generateGreeting(String arg) {
            return arg;
        }
    }

    @ApplicationScoped
    static class NameFactory {
        @Produces
        @Dependent
        @Named("name")
        Name nameFactory() {
            return new Name("Frank#" + CREATED.incrementAndGet());
        }

        void destroy(@Disposes @Named("name") Name name) {
            EVENTS.add("destroyed " + name.value());
        }
    }

    @ApplicationScoped
    static class GreetingPrinter {
        void printGreeting(@Subscribes("greeting") String greeting, @Named("name") Name name) {
            EVENTS.add(greeting + " from " + name.value());
        }
    }
}
