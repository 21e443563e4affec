package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * A drain that exceeds {@code shutdown-timeout} stops waiting and logs, per topic and subscriber,
 * how many signals were not delivered.
 */
class ShutdownTimeoutTest {

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final AtomicInteger STARTED = new AtomicInteger();
    static final List<String> LOGGED = new CopyOnWriteArrayList<>();

    @Test
    void undeliveredSignalsAreReported() {
        Logger logger = Logger.getLogger(SignalBusExtension.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                LOGGED.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            WeldContainer container = Cdi.boot(Map.of("signal-bus.shutdown-timeout", "300ms"), Stuck.class);
            SignalBus bus = container.select(SignalBus.class).get();
            for (int i = 0; i < 3; i++) {
                bus.publish("exports", i);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> STARTED.get() == 1);
            long start = System.nanoTime();
            container.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        } finally {
            RELEASE.countDown();
            logger.removeHandler(handler);
        }
        // the one in flight and the two queued
        assertThat(LOGGED).anySatisfy(line -> assertThat(line)
                .contains("SIGBUS0004: Signal Bus shutdown-timeout exceeded: 3 signal(s) not delivered to exports -> "
                        + Stuck.class.getName() + "#export"));
    }

    @ApplicationScoped
    static class Stuck {
        void export(@Subscribes("exports") Integer export) throws InterruptedException {
            STARTED.incrementAndGet();
            RELEASE.await(30, TimeUnit.SECONDS);
        }
    }
}
