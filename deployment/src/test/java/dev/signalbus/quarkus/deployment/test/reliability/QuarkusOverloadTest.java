package dev.signalbus.quarkus.deployment.test.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.Vertx;

/**
 * Case 4 on Quarkus: {@code queue-capacity} 10 and a held-up subscriber. A worker thread waits for
 * room, gets through when room is made, and otherwise fails after {@code publish-timeout} naming
 * topic and subscriber; a publisher on the Vert.x event loop, which must not block, fails at once.
 * Both subscribers of the topic get exactly the accepted signals, in order.
 */
public class QuarkusOverloadTest {

    static final Duration PUBLISH_TIMEOUT = Duration.ofMillis(500);
    static final Semaphore GATE = new Semaphore(0);
    static final AtomicInteger ENTERED = new AtomicInteger();
    static final List<Integer> SLOW = new CopyOnWriteArrayList<>();
    static final List<Integer> FAST = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Orders.class, Slow.class, Fast.class, Shared.class))
            .overrideConfigKey("quarkus.signal-bus.queue-capacity", "10")
            .overrideConfigKey("quarkus.signal-bus.publish-timeout", "500ms");

    @Inject
    Orders orders;

    @Inject
    SignalBus bus;

    @Inject
    Vertx vertx;

    @Test
    void workersWaitThenFailTheEventLoopFailsAtOnceNothingIsDropped() throws Exception {
        long start = System.nanoTime();
        orders.place(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> ENTERED.get() == 1);
        for (int id = 2; id <= 11; id++) {
            orders.place(id);
        }

        AtomicReference<Thread> waiting = new AtomicReference<>();
        CompletableFuture<Void> twelfth = CompletableFuture.runAsync(() -> {
            waiting.set(Thread.currentThread());
            orders.place(12);
        }, runnable -> new Thread(runnable, "overload-publisher").start());
        await().atMost(Duration.ofSeconds(30)).until(() -> waiting.get() != null
                && waiting.get().getState() == Thread.State.TIMED_WAITING);
        assertThat(twelfth).isNotDone();
        GATE.release(1);
        twelfth.get(30, TimeUnit.SECONDS);

        long refusedStart = System.nanoTime();
        assertThatThrownBy(() -> orders.place(13)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("topic 'orders'").hasMessageContaining(Slow.class.getName() + "#receive")
                .hasMessageContaining("is full (10 signals)");
        Duration refusedAfter = Duration.ofNanos(System.nanoTime() - refusedStart);

        CompletableFuture<Duration> onEventLoop = new CompletableFuture<>();
        vertx.runOnContext(ignored -> {
            long at = System.nanoTime();
            try {
                orders.place(14);
                onEventLoop.completeExceptionally(new AssertionError("accepted into a full queue"));
            } catch (IllegalStateException e) {
                if (e.getMessage().contains("must not block") && e.getMessage().contains("'orders'")) {
                    onEventLoop.complete(Duration.ofNanos(System.nanoTime() - at));
                } else {
                    onEventLoop.completeExceptionally(e);
                }
            }
        });
        Duration eventLoopRefusedAfter = onEventLoop.get(30, TimeUnit.SECONDS);

        GATE.release(1_000);
        assertThat(bus.awaitIdle(Duration.ofSeconds(30))).isTrue();
        List<Integer> accepted = IntStream.rangeClosed(1, 12).boxed().toList();
        assertThat(SLOW).containsExactlyElementsOf(accepted);
        assertThat(FAST).containsExactlyElementsOf(accepted);
        assertThat(refusedAfter).isGreaterThanOrEqualTo(PUBLISH_TIMEOUT).isLessThan(PUBLISH_TIMEOUT.plusSeconds(5));
        assertThat(eventLoopRefusedAfter).isLessThan(PUBLISH_TIMEOUT);
        Shared.print("4 overload (Quarkus)", String.format("capacity 10, publish-timeout %d ms: 12 accepted and"
                + " delivered, worker refused after %d ms, event loop refused after %d us", PUBLISH_TIMEOUT.toMillis(),
                refusedAfter.toMillis(), eventLoopRefusedAfter.toNanos() / 1_000), start);
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
