package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Seed example 4: a periodic task that is also a publisher, with two injected values, feeding two subscribers. Its
 * one-second period makes it a quarkus-scheduler job.
 */
public class PeriodicPublisherTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Source.class, Settings.class, Processors.class))
            .overrideConfigKey("demo.url", "https://data.example")
            .overrideConfigKey("demo.secret", "s3cret");

    @Inject
    Processors processors;

    @Inject
    Scheduler scheduler;

    @Test
    void eachRunFeedsBothSubscribers() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(processors.values()).containsSequence("CATS", "DOGS", "CATS", "DOGS");
            assertThat(processors.ids()).containsSequence(1, 2, 1, 2);
        });
        assertThat(Source.calls).allMatch("https://data.example s3cret"::equals);
        assertThat(scheduler.getScheduledJob(Source.class.getName() + "#getData")).isNotNull();
    }

    @ApplicationScoped
    static class Settings {
        @Produces
        @Named("url")
        String url(@ConfigProperty(name = "demo.url") String url) {
            return url;
        }

        @Produces
        @Named("secret")
        String secret(@ConfigProperty(name = "demo.secret") String secret) {
            return secret;
        }
    }

    @ApplicationScoped
    static class Source {
        static final List<String> calls = new CopyOnWriteArrayList<>();

        @PeriodicTask(every = "1s")
        @Publishes("new-data")
        List<Map<String, Object>> getData(@Named("url") String url, @Named("secret") String secret) {
            calls.add(url + " " + secret);
            return List.of(Map.of("id", 0, "value", "cats"), Map.of("id", 1, "value", "dogs"));
        }
    }

    @ApplicationScoped
    static class Processors {
        private final List<String> values = new CopyOnWriteArrayList<>();
        private final List<Integer> ids = new CopyOnWriteArrayList<>();

        void processValues(@Subscribes("new-data") List<Map<String, Object>> data) {
            for (Map<String, Object> row : data) {
                values.add(((String) row.get("value")).toUpperCase());
            }
        }

        void processIds(@Subscribes("new-data") List<Map<String, Object>> data) {
            for (Map<String, Object> row : data) {
                ids.add((Integer) row.get("id") + 1);
            }
        }

        List<String> values() {
            return values;
        }

        List<Integer> ids() {
            return ids;
        }
    }
}
