package dev.signalbus.quarkus.deployment.test;

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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Seed example 2: a subscriber's extra parameter is injected from a {@code @Produces @Named} factory, called per
 * delivery; the {@code @Dependent} value is destroyed after the call.
 */
public class NamedProducerInjectionTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Greetings.class, NameFactory.class, Printer.class));

    @Inject
    Greetings greetings;

    @Inject
    Printer printer;

    @Test
    void injectedValueComesFromTheNamedProducerPerDelivery() {
        greetings.generate("hello");
        greetings.generate("hi");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(printer.printed()).containsExactly("hello from Frank", "hi from Frank"));
        assertThat(NameFactory.produced).hasValue(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(NameFactory.disposed).hasValue(2));
    }

    @ApplicationScoped
    static class Greetings {
        @Publishes("greeting")
        String generate(String greeting) {
            return greeting;
        }
    }

    @ApplicationScoped
    static class NameFactory {
        static final AtomicInteger produced = new AtomicInteger();
        static final AtomicInteger disposed = new AtomicInteger();

        @Produces
        @Dependent
        @Named("name")
        String name() {
            produced.incrementAndGet();
            return "Frank";
        }

        void dispose(@Disposes @Named("name") String name) {
            disposed.incrementAndGet();
        }
    }

    @ApplicationScoped
    static class Printer {
        private final List<String> printed = new CopyOnWriteArrayList<>();

        void printGreeting(@Subscribes("greeting") String greeting, @Named("name") String name) {
            printed.add(greeting + " from " + name);
        }

        List<String> printed() {
            return printed;
        }
    }
}
