package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/** Each delivery runs in a fresh request context, terminated when the delivery ends. */
public class RequestContextPerDeliveryTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(RequestData.class, Handler.class));

    @Inject
    SignalBus bus;

    @Inject
    Handler handler;

    @Test
    void freshRequestContextPerDelivery() {
        for (int i = 0; i < 5; i++) {
            bus.publish("requests", i);
        }
        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(handler.ids()).hasSize(5).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(5)).until(() -> RequestData.destroyed.get() == 5);
    }

    @RequestScoped
    static class RequestData {
        static final AtomicInteger destroyed = new AtomicInteger();
        private final String id = UUID.randomUUID().toString();

        String id() {
            return id;
        }

        @PreDestroy
        void destroy() {
            destroyed.incrementAndGet();
        }
    }

    @ApplicationScoped
    static class Handler {
        private final List<String> ids = new CopyOnWriteArrayList<>();

        void handle(@Subscribes("requests") Integer signal, RequestData data) {
            ids.add(data.id());
        }

        List<String> ids() {
            return ids;
        }
    }
}
