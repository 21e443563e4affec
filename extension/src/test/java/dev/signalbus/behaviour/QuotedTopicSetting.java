package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * A per-topic setting applies to a topic whose name holds a quote and a dot, written as a quoted map key with an
 * escaped quote ({@code topics."say \"hi\".now".queue-capacity}); a blank topic is refused (issue 10, fault 10: the
 * setting used to be ignored without a word).
 */
public class QuotedTopicSetting extends Behaviour {

    static final String TOPIC = "say \"hi\".now";
    static final CountDownLatch HOLDING = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @Override
    public Map<String, String> settings() {
        return Map.of("topics.\"say \\\"hi\\\".now\".queue-capacity", "1", "publish-timeout", "0s");
    }

    @Override
    public void run(Container app) throws InterruptedException {
        SignalBus bus = app.select(SignalBus.class);
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
            RELEASE.await(30, TimeUnit.SECONDS);
        }
    }
}
