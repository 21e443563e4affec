package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.PeriodicTask;
import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * When the container has Jakarta Concurrency's default managed executors (as CDI beans, as in
 * Jakarta EE 11), deliveries and periodic runs use them, and the bus leaves them running when it
 * stops: the container owns them.
 */
class ContainerExecutorsTest {

    static final AtomicInteger THREADS = new AtomicInteger();
    static final ScheduledThreadPoolExecutor POOL = new ScheduledThreadPoolExecutor(4,
            task -> new Thread(task, "managed-" + THREADS.incrementAndGet()));
    static final List<String> DELIVERY_THREADS = new CopyOnWriteArrayList<>();
    static final List<String> RUN_THREADS = new CopyOnWriteArrayList<>();

    @Test
    void busUsesTheContainersExecutorsAndLeavesThemRunning() {
        try {
            try (WeldContainer container = Cdi.boot(Concurrency.class, Worker.class)) {
                container.select(SignalBus.class).get().publish("jobs", "one");
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> !DELIVERY_THREADS.isEmpty() && !RUN_THREADS.isEmpty());
            }
            assertThat(DELIVERY_THREADS.get(0)).startsWith("managed-");
            assertThat(RUN_THREADS.get(0)).startsWith("managed-");
            assertThat(POOL.isShutdown()).isFalse();
        } finally {
            POOL.shutdownNow();
        }
    }

    /** Stands in for the container's default managed scheduled executor. */
    @ApplicationScoped
    static class Concurrency {
        @Produces
        @Singleton
        ManagedScheduledExecutorService defaultExecutor() {
            return StandInManagedExecutor.over(POOL);
        }
    }

    @ApplicationScoped
    static class Worker {
        void work(@Subscribes("jobs") String job) {
            DELIVERY_THREADS.add(Thread.currentThread().getName());
        }

        @PeriodicTask(every = "100ms")
        void tick() {
            RUN_THREADS.add(Thread.currentThread().getName());
        }
    }
}
