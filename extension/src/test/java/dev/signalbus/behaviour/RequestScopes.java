package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.signalbus.SignalBus;

/** The checks of {@link RequestContextPerDelivery} and {@link RequestContextEvents}. */
public final class RequestScopes {

    private RequestScopes() {
    }

    /**
     * Publishes three signals to {@code "requests"}, whose subscriber adds the id of its two request-scoped arguments
     * to {@code seen}, and checks that each delivery had one instance of its own, destroyed after it.
     */
    public static void publishThreeAndCheck(SignalBus bus, List<String> seen, AtomicInteger destroyed) {
        for (int i = 0; i < 3; i++) {
            bus.publish("requests", i);
        }
        assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 6);
        for (int i = 0; i < 6; i += 2) {
            assertThat(seen.get(i)).as("both arguments of one delivery").isEqualTo(seen.get(i + 1));
        }
        assertThat(seen.stream().distinct().count()).as("one instance per delivery").isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> destroyed.get() == 3);
    }
}
