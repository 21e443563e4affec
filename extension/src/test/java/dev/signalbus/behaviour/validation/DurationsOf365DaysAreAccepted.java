package dev.signalbus.behaviour.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.Behaviour;
import dev.signalbus.behaviour.Container;

/** The bound of every duration is inclusive: settings of exactly 365 days, in either form, are accepted. */
public class DurationsOf365DaysAreAccepted extends Behaviour {

    @Override
    public Map<String, String> settings() {
        return Map.of("shutdown-timeout", "365d", "publish-timeout", "P365D");
    }

    @Override
    public void run(Container app) {
        SignalBus bus = app.select(SignalBus.class);
        bus.publish("readings", "one");
        assertThat(bus.awaitIdle(Duration.ofSeconds(30))).isTrue();
    }

    @ApplicationScoped
    public static class Fine {
        void receive(@Subscribes("readings") String reading) {
        }
    }
}
