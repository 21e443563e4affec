package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Batch;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/** A {@code @Batch} subscriber receives lists no larger than maxSize; a partial batch comes after maxWait. */
public class BatchSubscriberTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Store.class))
            .overrideConfigKey("store.max-wait", "300ms");

    @Inject
    SignalBus bus;

    @Inject
    Store store;

    @Test
    void batchesNeverExceedMaxSize() {
        for (int i = 0; i < 12; i++) {
            bus.publish("readings", "r" + i);
        }
        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(store.batches()).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 5));
        List<String> all = new ArrayList<>();
        store.batches().forEach(all::addAll);
        assertThat(all).hasSize(12).doesNotHaveDuplicates();
    }

    @ApplicationScoped
    static class Store {
        private final List<List<String>> batches = new CopyOnWriteArrayList<>();

        @Batch(maxSize = 5, maxWait = "${store.max-wait}")
        void store(@Subscribes("readings") List<String> readings) {
            batches.add(List.copyOf(readings));
        }

        List<List<String>> batches() {
            return batches;
        }
    }
}
