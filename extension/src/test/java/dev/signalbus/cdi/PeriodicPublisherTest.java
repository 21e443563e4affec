package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

/**
 * README example 4: a periodic task with two injected values publishes what it fetched, and two
 * subscribers process every batch of rows.
 */
class PeriodicPublisherTest {

    static final List<String> FETCHED_WITH = new CopyOnWriteArrayList<>();
    static final List<String> VALUES = new CopyOnWriteArrayList<>();
    static final List<Integer> IDS = new CopyOnWriteArrayList<>();

    @Test
    void eachRunsResultReachesBothSubscribers() {
        try (WeldContainer container = Cdi.boot(Credentials.class, DataSource.class, Processors.class)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> VALUES.size() >= 4 && IDS.size() >= 4);
        }
        assertThat(FETCHED_WITH).first().isEqualTo("https://example.org/data with s3cret");
        assertThat(VALUES.subList(0, 4)).containsExactly("CATS", "DOGS", "CATS", "DOGS");
        assertThat(IDS.subList(0, 4)).containsExactly(1, 2, 1, 2);
    }

    record Row(int id, String value) {
    }

    @ApplicationScoped
    static class Credentials {
        @Produces
        @Named("url")
        String url() {
            return "https://example.org/data";
        }

        @Produces
        @Named("secret")
        String secret() {
            return "s3cret";
        }
    }

    @ApplicationScoped
    static class DataSource {
        @PeriodicTask(every = "0.3s")
        @Publishes("new-data")
        List<Row> getData(@Named("url") String url, @Named("secret") String secret) {
            FETCHED_WITH.add(url + " with " + secret);
            return List.of(new Row(0, "cats"), new Row(1, "dogs"));
        }
    }

    @ApplicationScoped
    static class Processors {
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
