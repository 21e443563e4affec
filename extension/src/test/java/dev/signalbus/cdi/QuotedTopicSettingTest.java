package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/**
 * A per-topic setting applies to a topic whose name holds a quote or a dot, written as SmallRye
 * Config's quoted map keys ({@code signal-bus.topics."say \"hi\"".queue-capacity}); and a blank
 * topic is refused (issue 10, fault 10: the setting used to be ignored without a word).
 */
class QuotedTopicSettingTest {

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final CountDownLatch HOLDING = new CountDownLatch(1);

    @Test
    void theSettingOfAQuotedTopicWithAnEscapedQuoteApplies() {
        try (WeldContainer container = Cdi.boot(Map.of("signal-bus.topics.\"say \\\"hi\\\".now\".queue-capacity", "1",
                "signal-bus.publish-timeout", "0s"), Holder.class)) {
            SignalBus bus = container.select(SignalBus.class).get();
            bus.publish("say \"hi\".now", "first"); // taken by the subscriber, which holds it
            awaitHolding();
            bus.publish("say \"hi\".now", "second"); // fills the queue of 1

            assertThatThrownBy(() -> bus.publish("say \"hi\".now", "third"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("is full (1 signals)");
            RELEASE.countDown();
        }
    }

    @Test
    void aBlankTopicIsRefused() {
        try (WeldContainer container = Cdi.boot(Holder.class)) {
            SignalBus bus = container.select(SignalBus.class).get();
            assertThatThrownBy(() -> bus.publish("", "x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("blank topic");
        }
    }

    private static void awaitHolding() {
        try {
            assertThat(HOLDING.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @ApplicationScoped
    static class Holder {
        void hold(@Subscribes("say \"hi\".now") String greeting) throws InterruptedException {
            HOLDING.countDown();
            RELEASE.await();
        }
    }
}
