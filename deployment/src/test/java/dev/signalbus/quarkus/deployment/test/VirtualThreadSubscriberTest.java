package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * A {@code @RunOnVirtualThread} subscriber runs on a virtual thread on Java 21+; on Java 17 Quarkus falls back to
 * worker threads (and logs it), and the subscriber still receives every signal.
 */
public class VirtualThreadSubscriberTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Mailer.class));

    @Inject
    SignalBus bus;

    @Inject
    Mailer mailer;

    @Test
    void deliveredOnAVirtualThreadWhereAvailable() {
        bus.publish("mails", "welcome");
        bus.publish("mails", "reminder");
        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(mailer.sent()).containsExactly("welcome", "reminder");
        if (Runtime.version().feature() >= 21) {
            assertThat(mailer.threads()).allMatch(name -> name.contains("virtual") || name.isEmpty());
        } else {
            assertThat(mailer.threads()).noneMatch(name -> name.contains("vert.x-eventloop"));
        }
    }

    @ApplicationScoped
    static class Mailer {
        private final List<String> sent = new CopyOnWriteArrayList<>();
        private final List<String> threads = new CopyOnWriteArrayList<>();

        @RunOnVirtualThread
        void send(@Subscribes("mails") String mail) {
            threads.add(Thread.currentThread().toString());
            sent.add(mail);
        }

        List<String> sent() {
            return sent;
        }

        List<String> threads() {
            return threads;
        }
    }
}
