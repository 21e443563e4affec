package dev.signalbus.quarkus.deployment.test.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Case 3 on Quarkus: a subscriber blocked (interruptibly) past {@code shutdown-timeout} of 1 s. The
 * application stops within the timeout + 1 s, the log names the topic and subscriber with the exact
 * number not delivered (in the line the portable extension logs too), the healthy subscriber of the topic got everything, and the hung delivery
 * was interrupted (by the engine: Quarkus itself would interrupt its worker only after
 * {@code quarkus.thread-pool.shutdown-interrupt}, 10 s).
 */
public class QuarkusHungSubscriberTest {

    static final int SIGNALS = 25;

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Exports.class, Hung.class, Healthy.class, Shared.class))
            .overrideConfigKey("quarkus.signal-bus.shutdown-timeout", "1s")
            .setAfterUndeployListener(QuarkusHungSubscriberTest::verify);

    static long[] stopStarted() {
        return Shared.get("hung.stop-started", () -> new long[1]);
    }

    static AtomicInteger interrupted() {
        return Shared.get("hung.interrupted", AtomicInteger::new);
    }

    /** What Signal Bus logged, formatted; captured by a handler the application installs. */
    static ConcurrentLinkedQueue<String> logged() {
        return Shared.get("hung.logged", ConcurrentLinkedQueue::new);
    }

    static Handler handler(Handler handler) {
        return Shared.get("hung.handler", () -> handler);
    }

    static AtomicInteger started() {
        return Shared.get("hung.started", AtomicInteger::new);
    }

    static AtomicInteger healthy() {
        return Shared.get("hung.healthy", AtomicInteger::new);
    }

    @Inject
    Exports exports;

    @Test
    void theApplicationStopsInTime() {
        // the report is logged while the application stops, after QuarkusUnitTest's own log checks
        Logger.getLogger("dev.signalbus").addHandler(handler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged().add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        }));
        for (int i = 0; i < SIGNALS; i++) {
            exports.export(i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> started().get() == 1 && healthy().get() == SIGNALS);
        stopStarted()[0] = System.nanoTime(); // returning stops the application
    }

    static void verify() {
        try {
            Duration took = Duration.ofNanos(System.nanoTime() - stopStarted()[0]);
            Logger.getLogger("dev.signalbus").removeHandler(handler(null));
            await().atMost(Duration.ofSeconds(30)).until(() -> interrupted().get() == 1);
            assertThat(took).isLessThan(Duration.ofSeconds(2));
            assertThat(logged()).anySatisfy(line -> assertThat(line).contains("did not drain")
                    .contains("exports -> " + Hung.class.getName() + "#export=" + SIGNALS));
            // the front door's report: the same id and words as on Weld (HungSubscriberTest)
            assertThat(logged()).contains("SIGBUS0004: Signal Bus shutdown-timeout exceeded: " + SIGNALS
                    + " signal(s) not delivered to exports -> " + Hung.class.getName() + "#export");
            assertThat(logged()).noneSatisfy(line -> assertThat(line).contains(Healthy.class.getName()));
            Shared.print("3 hung subscriber (Quarkus)", String.format("shutdown-timeout 1000 ms: the application stopped"
                    + " after %d ms; reported %d not delivered", took.toMillis(), SIGNALS), stopStarted()[0]);
        } finally {
            Shared.clear("hung.");
        }
    }

    @ApplicationScoped
    public static class Exports {
        @Publishes("exports")
        Integer export(int id) {
            return id;
        }
    }

    @ApplicationScoped
    public static class Hung {
        private final CountDownLatch never = new CountDownLatch(1);

        void export(@Subscribes("exports") Integer id) {
            started().incrementAndGet();
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted().incrementAndGet();
                Thread.currentThread().interrupt();
            }
        }
    }

    @ApplicationScoped
    public static class Healthy {
        void export(@Subscribes("exports") Integer id) {
            healthy().incrementAndGet();
        }
    }
}
