package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

/**
 * Seed example 4: a periodic task with two injected values (named producers of configured values, read through MicroProfile Config) publishes what it
 * fetched, and two subscribers process every batch of rows. Its one-second period makes it a quarkus-scheduler job on
 * Quarkus.
 */
public class PeriodicPublisher extends Behaviour {

    static final List<String> FETCHED_WITH = new CopyOnWriteArrayList<>();
    static final List<String> VALUES = new CopyOnWriteArrayList<>();
    static final List<Integer> IDS = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> config() {
        return Map.of("demo.url", "https://data.example", "demo.secret", "s3cret");
    }

    @Override
    public void run(Container app) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(VALUES).containsSequence("CATS", "DOGS", "CATS", "DOGS");
            assertThat(IDS).containsSequence(1, 2, 1, 2);
        });
        assertThat(FETCHED_WITH).isNotEmpty().allMatch("https://data.example with s3cret"::equals);
    }

    public record Row(int id, String value) {
    }

    @ApplicationScoped
    public static class Credentials {
        @Produces
        @Named("url")
        String url() {
            return ConfigProvider.getConfig().getValue("demo.url", String.class);
        }

        @Produces
        @Named("secret")
        String secret() {
            return ConfigProvider.getConfig().getValue("demo.secret", String.class);
        }
    }

    @ApplicationScoped
    public static class DataSource {
        @PeriodicTask(every = "1s")
        @Publishes("new-data")
        List<Row> getData(@Named("url") String url, @Named("secret") String secret) {
            FETCHED_WITH.add(url + " with " + secret);
            return List.of(new Row(0, "cats"), new Row(1, "dogs"));
        }
    }

    @ApplicationScoped
    public static class Processors {
        void processValues(@Subscribes("new-data") List<Row> data) {
            for (Row row : data) {
                VALUES.add(row.value().toUpperCase());
            }
        }

        void processIds(@Subscribes("new-data") List<Row> data) {
            for (Row row : data) {
                IDS.add(row.id() + 1);
            }
        }
    }
}
