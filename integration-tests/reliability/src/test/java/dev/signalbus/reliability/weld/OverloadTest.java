package dev.signalbus.reliability.weld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * Case 4: {@code queue-capacity} 10 and a subscriber that is held up. With one signal in its hands
 * and ten queued, a publisher waits for room; given room it publishes, and given none within
 * {@code publish-timeout} it fails with an exception naming the topic and the subscriber. Nothing
 * accepted is dropped: the slow subscriber and a fast one of the same topic both get exactly the
 * accepted signals, in order, and neither gets the refused one.
 */
class OverloadTest {

    static final Duration PUBLISH_TIMEOUT = Duration.ofMillis(500);
    static final Semaphore GATE = new Semaphore(0);
    static final AtomicInteger ENTERED = new AtomicInteger();
    static final List<Integer> SLOW = new CopyOnWriteArrayList<>();
    static final List<Integer> FAST = new CopyOnWriteArrayList<>();

    @Test
    void aPublisherWaitsForRoomThenFailsNamingTopicAndSubscriberAndNothingQueuedIsDropped() throws Exception {
        long start = System.nanoTime();
        WeldContainer container = WeldBus.boot(Map.of("signal-bus.queue-capacity", "10",
                "signal-bus.publish-timeout", "500ms"), Orders.class, Slow.class, Fast.class);
        Orders orders = container.select(Orders.class).get();
        Duration refusedAfter;
        try {
            orders.place(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> ENTERED.get() == 1);
            for (int id = 2; id <= 11; id++) {
                orders.place(id); // the ten places of the queue
            }

            // full: the publisher waits, and room made while it waits lets it through
            AtomicReference<Thread> waiting = new AtomicReference<>();
            CompletableFuture<Void> twelfth = CompletableFuture.runAsync(() -> {
                waiting.set(Thread.currentThread());
                orders.place(12);
            }, runnable -> new Thread(runnable, "overload-publisher").start());
            await().atMost(Duration.ofSeconds(30)).until(() -> waiting.get() != null
                    && waiting.get().getState() == Thread.State.TIMED_WAITING);
            assertThat(twelfth).isNotDone();
            GATE.release(1); // the slow subscriber finishes signal 1 and takes signal 2
            twelfth.get();

            // full again and no room within publish-timeout: refused, naming topic and subscriber
            long refusedStart = System.nanoTime();
            assertThatThrownBy(() -> orders.place(13)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("topic 'orders'")
                    .hasMessageContaining(Slow.class.getName() + "#receive")
                    .hasMessageContaining("is full (10 signals)");
            refusedAfter = Duration.ofNanos(System.nanoTime() - refusedStart);

            GATE.release(1_000);
            assertThat(container.select(SignalBus.class).get().awaitIdle(Duration.ofSeconds(30))).isTrue();
        } finally {
            GATE.release(1_000);
            container.close();
        }

        List<Integer> accepted = IntStream.rangeClosed(1, 12).boxed().toList();
        assertThat(SLOW).containsExactlyElementsOf(accepted);
        assertThat(FAST).containsExactlyElementsOf(accepted);
        assertThat(refusedAfter).isGreaterThanOrEqualTo(PUBLISH_TIMEOUT).isLessThan(PUBLISH_TIMEOUT.plusSeconds(5));
        Figures.print("4 overload (Weld)", String.format("capacity 10, publish-timeout %d ms: 12 accepted and"
                + " delivered, 1 refused after %d ms", PUBLISH_TIMEOUT.toMillis(), refusedAfter.toMillis()), start);
    }

    @ApplicationScoped
    static class Orders {
        @Publishes("orders")
        Integer place(int id) {
            return id;
        }
    }

    @ApplicationScoped
    static class Slow {
        void receive(@Subscribes("orders") Integer id) throws InterruptedException {
            ENTERED.incrementAndGet();
            GATE.acquire();
            SLOW.add(id);
        }
    }

    @ApplicationScoped
    static class Fast {
        void receive(@Subscribes("orders") Integer id) {
            FAST.add(id);
        }
    }
}
