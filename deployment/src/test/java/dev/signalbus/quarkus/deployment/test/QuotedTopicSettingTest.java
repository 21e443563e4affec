package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A per-topic setting applies to a topic whose name holds a quote and a dot, written as a quoted map key with an
 * escaped quote; a blank topic is refused (issue 10, fault 10).
 */
public class QuotedTopicSettingTest {

    static final String TOPIC = "say \"hi\".now";
    static final CountDownLatch HOLDING = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Holder.class))
            .overrideConfigKey("quarkus.signal-bus.topics.\"say \\\"hi\\\".now\".queue-capacity", "1")
            .overrideConfigKey("quarkus.signal-bus.publish-timeout", "0s");

    @Inject
    SignalBus bus;

    @Test
    void theSettingOfAQuotedTopicWithAnEscapedQuoteApplies() throws InterruptedException {
        try {
            bus.publish(TOPIC, "first"); // taken by the subscriber, which holds it
            assertThat(HOLDING.await(30, TimeUnit.SECONDS)).isTrue();
            bus.publish(TOPIC, "second"); // fills the queue of 1

            assertThatThrownBy(() -> bus.publish(TOPIC, "third")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is full (1 signals)");
            assertThatThrownBy(() -> bus.publish(" ", "x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("blank topic");
        } finally {
            RELEASE.countDown();
        }
    }

    @ApplicationScoped
    public static class Holder {
        void hold(@Subscribes(TOPIC) String greeting) throws InterruptedException {
            HOLDING.countDown();
            RELEASE.await();
        }
    }
}
