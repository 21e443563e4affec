package dev.signalbus.behaviour.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.Behaviour;
import dev.signalbus.behaviour.Container;
import dev.signalbus.behaviour.Shared;

/**
 * Reliability case 4: {@code queue-capacity} 10 and a subscriber that is held up. With one signal in its hands and ten
 * queued, a publisher waits for room; given room it publishes, and given none within {@code publish-timeout} it fails
 * with an exception naming the topic and the subscriber. Where the container has a thread that must not block (the
 * Vert.x event loop on Quarkus), a publish from it into the full queue fails at once, saying so. Nothing accepted is
 * dropped: the slow subscriber and a fast one of the same topic both get exactly the accepted signals, in order, and
 * neither gets a refused one.
 */
public class Overload extends Behaviour {

    /** Long enough that a loaded machine lets the waiting publisher through before it times out. */
    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(2);
    static final Semaphore GATE = new Semaphore(0);
    static final AtomicInteger ENTERED = new AtomicInteger();
    static final List<Integer> SLOW = new CopyOnWriteArrayList<>();
    static final List<Integer> FAST = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> settings() {
        return Map.of("queue-capacity", "10", "publish-timeout", "2s");
    }

    @Override
    public void run(Container app) throws Exception {
        long start = System.nanoTime();
        Orders orders = app.select(Orders.class);
        Duration refusedAfter;
        Optional<Duration> eventLoopRefusedAfter;
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
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                    .until(() -> waiting.get() != null && waiting.get().getState() == Thread.State.TIMED_WAITING);
            assertThat(twelfth).isNotDone();
            GATE.release(1); // the slow subscriber finishes signal 1 and takes signal 2
            twelfth.get(30, TimeUnit.SECONDS);

            // full again and no room within publish-timeout: refused, naming topic and subscriber
            long refusedStart = System.nanoTime();
            assertThatThrownBy(() -> orders.place(13)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("topic 'orders'")
                    .hasMessageContaining(Slow.class.getName() + "#receive")
                    .hasMessageContaining("is full (10 signals)");
            refusedAfter = Duration.ofNanos(System.nanoTime() - refusedStart);

            // a thread that must not block is refused at once
            eventLoopRefusedAfter = app.eventLoop().map(eventLoop -> refusedOn(eventLoop, orders));

            GATE.release(1_000);
            assertThat(app.select(SignalBus.class).awaitIdle(Duration.ofSeconds(30))).isTrue();
        } finally {
            GATE.release(1_000);
        }

        List<Integer> accepted = IntStream.rangeClosed(1, 12).boxed().toList();
        assertThat(SLOW).containsExactlyElementsOf(accepted);
        assertThat(FAST).containsExactlyElementsOf(accepted);
        assertThat(refusedAfter).isGreaterThanOrEqualTo(PUBLISH_TIMEOUT).isLessThan(PUBLISH_TIMEOUT.plusSeconds(5));
        eventLoopRefusedAfter.ifPresent(took -> assertThat(took).isLessThan(PUBLISH_TIMEOUT));
        Shared.print("4 overload", app.name(), String.format("capacity 10, publish-timeout %d ms: 12 accepted and"
                + " delivered, 1 refused after %d ms%s", PUBLISH_TIMEOUT.toMillis(), refusedAfter.toMillis(),
                eventLoopRefusedAfter.map(took -> String.format(", 1 on the event loop at once (%d us)",
                        took.toNanos() / 1_000)).orElse("")), start);
    }

    /** How long a publish on {@code eventLoop} into the full queue took to be refused. */
    private static Duration refusedOn(Executor eventLoop, Orders orders) {
        CompletableFuture<Duration> refused = new CompletableFuture<>();
        eventLoop.execute(() -> {
            long at = System.nanoTime();
            try {
                orders.place(14);
                refused.completeExceptionally(new AssertionError("accepted into a full queue"));
            } catch (IllegalStateException e) {
                if (e.getMessage().contains("must not block") && e.getMessage().contains("'orders'")) {
                    refused.complete(Duration.ofNanos(System.nanoTime() - at));
                } else {
                    refused.completeExceptionally(e);
                }
            }
        });
        try {
            return refused.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the publish on the event loop was not refused as expected", e);
        }
    }

    @ApplicationScoped
    public static class Orders {
        @Publishes("orders")
        Integer place(int id) {
            return id;
        }
    }

    @ApplicationScoped
    public static class Slow {
        void receive(@Subscribes("orders") Integer id) throws InterruptedException {
            ENTERED.incrementAndGet();
            GATE.acquire();
            SLOW.add(id);
        }
    }

    @ApplicationScoped
    public static class Fast {
        void receive(@Subscribes("orders") Integer id) {
            FAST.add(id);
        }
    }
}
