package dev.signalbus.reliability.weld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.Shared;
import dev.signalbus.cdi.SignalBusExtension;
import dev.signalbus.cdi.StandInManagedExecutor;

/**
 * Case 7 with a container that lends the bus its threads: a Jakarta Concurrency managed executor
 * whose threads outlive every deployment, as an application server's do across redeployments. After
 * 10 deploy/undeploy cycles, nothing of any stopped deployment stays reachable from those threads.
 * <p>
 * Weld SE only: a container lending the bus a Jakarta Concurrency executor is a case of the portable extension (on
 * Quarkus the bus runs on Quarkus's worker pool), and a {@code QuarkusUnitTest} cannot repeat deployments (see
 * {@link LifecycleTest}).
 */
class ManagedExecutorLifecycleTest {

    static final int CYCLES = 10;
    static final int SIGNALS = 50;
    static final AtomicInteger THREADS = new AtomicInteger();
    /** The server's pool: lives across deployments. */
    static final ScheduledThreadPoolExecutor SERVER_POOL = new ScheduledThreadPoolExecutor(4,
            task -> new Thread(task, "server-managed-" + THREADS.incrementAndGet()));
    static final AtomicInteger RECEIVED = new AtomicInteger();

    @AfterAll
    static void stopServer() {
        SERVER_POOL.shutdownNow();
    }

    @Test
    void stoppedDeploymentsAreNotRetainedByTheServersThreads() {
        long start = System.nanoTime();
        List<WeakReference<SignalBusExtension>> retained = new ArrayList<>();
        for (int i = 0; i < CYCLES; i++) {
            RECEIVED.set(0);
            SignalBusExtension extension = new SignalBusExtension();
            WeldContainer container = WeldBus.boot(extension, Map.of(), ServerConcurrency.class, Source.class,
                    Receiver.class);
            Source source = container.select(Source.class).get();
            for (int s = 0; s < SIGNALS; s++) {
                source.emit(s);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVED.get() == SIGNALS);
            container.close();
            retained.add(new WeakReference<>(extension));
        }
        assertThat(SERVER_POOL.isShutdown()).as("the bus leaves the server's pool running").isFalse();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            System.gc();
            assertThat(retained).as("extensions of undeployed applications still reachable")
                    .allSatisfy(reference -> assertThat(reference.get()).isNull());
        });
        Shared.print("7b lifecycle, server executor", "Weld SE", String.format("%d cycles of %d signals on a managed executor"
                + " that outlives them: %d of %d extensions collected", CYCLES, SIGNALS, retained.size(),
                retained.size()), start);
    }

    /** Stands in for the server's default managed scheduled executor, a CDI bean in Jakarta EE 11. */
    @ApplicationScoped
    static class ServerConcurrency {
        @Produces
        @Singleton
        ManagedScheduledExecutorService defaultExecutor() {
            return StandInManagedExecutor.over(SERVER_POOL);
        }
    }

    @ApplicationScoped
    static class Source {
        @Publishes("deployments")
        Integer emit(int i) {
            return i;
        }
    }

    @ApplicationScoped
    static class Receiver {
        void receive(@Subscribes(value = "deployments", concurrency = 4) Integer i) {
            RECEIVED.incrementAndGet();
        }
    }
}
