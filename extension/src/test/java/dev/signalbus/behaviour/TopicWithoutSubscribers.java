package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A topic without subscribers accepts signals, from a {@code @Publishes} method and from {@code SignalBus#publish},
 * and counts them as unrouted: the {@code signal.bus.unrouted} counter of the topic. Both front doors report to
 * Micrometer's global registry here (Weld SE: there is no {@code MeterRegistry} bean; Quarkus: always, with
 * {@code quarkus-micrometer}); a registry of the scenario's own, added to it, reads the count on both.
 */
public class TopicWithoutSubscribers extends Behaviour {

    @Override
    public void run(Container app) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.globalRegistry.add(registry);
        try {
            app.select(Audit.class).audit("login");
            app.select(SignalBus.class).publish("audit", "logout");
            Counter unrouted = registry.find("signal.bus.unrouted").tag("topic", "audit").counter();
            assertThat(unrouted).isNotNull();
            assertThat(unrouted.count()).isEqualTo(2);
        } finally {
            Metrics.globalRegistry.remove(registry);
        }
    }

    @ApplicationScoped
    public static class Audit {
        @Publishes("audit")
        String audit(String what) {
            return what;
        }
    }
}
