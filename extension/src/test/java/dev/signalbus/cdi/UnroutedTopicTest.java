package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;

/** A topic without subscribers accepts signals and counts them as unrouted. */
class UnroutedTopicTest {

    @Test
    void signalsWithoutSubscriberAreCounted() {
        try (WeldContainer container = Cdi.boot(Publisher.class)) {
            container.select(Publisher.class).get().audit("login");
            container.select(SignalBus.class).get().publish("audit", "logout");
            assertThat(container.select(SignalBusExtension.class).get().engine().unrouted("audit")).isEqualTo(2);
        }
    }

    @ApplicationScoped
    static class Publisher {
        @Publishes("audit")
        String audit(String what) {
            return what;
        }
    }
}
