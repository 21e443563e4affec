package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/** With the default concurrency of 1, signals arrive in publish order (here to a class with no scope annotation). */
public class PublishOrderTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Ledger.class));

    @Inject
    SignalBus bus;

    @Inject
    Ledger ledger;

    @Test
    void deliveredInPublishOrder() {
        List<Integer> published = IntStream.range(0, 500).boxed().collect(Collectors.toList());
        for (Integer i : published) {
            bus.publish("entries", i);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger.entries().size() == published.size());
        assertThat(ledger.entries()).containsExactlyElementsOf(published);
    }

    // no scope annotation: a class that declares subscribers becomes a @Singleton bean
    static class Ledger {
        private final List<Integer> entries = new CopyOnWriteArrayList<>();

        void record(@Subscribes("entries") Integer entry) {
            entries.add(entry);
        }

        List<Integer> entries() {
            return entries;
        }
    }
}
