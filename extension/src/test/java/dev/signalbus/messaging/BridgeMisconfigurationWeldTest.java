package dev.signalbus.messaging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

import dev.signalbus.Subscribes;

/**
 * A channel named for a topic must exist: without a connector configured for it, the application does not start
 * (an outgoing channel without one would keep what it is given forever), and the error names the key and the fix;
 * an incoming channel for a topic nobody receives is refused too.
 */
class BridgeMisconfigurationWeldTest {

    @Test
    void anOutgoingChannelWithoutAConnectorStopsTheStart() {
        assertThatThrownBy(() -> SmallRyeWeld.with(Map.of("signal-bus.topics.orders.outgoing", "nowhere"),
                Desk.class).close())
                .hasStackTraceContaining("signal-bus.topics.\"orders\".outgoing = nowhere")
                .hasStackTraceContaining("mp.messaging.outgoing.nowhere.connector");
    }

    @Test
    void anIncomingChannelWithoutAConnectorStopsTheStart() {
        assertThatThrownBy(() -> SmallRyeWeld.with(Map.of("signal-bus.topics.orders.incoming", "nowhere"),
                Desk.class).close())
                .hasStackTraceContaining("signal-bus.topics.\"orders\".incoming = nowhere")
                .hasStackTraceContaining("mp.messaging.incoming.nowhere.connector");
    }

    @Test
    void anIncomingChannelForATopicWithoutSubscribersIsADeploymentProblem() {
        assertThatThrownBy(() -> SmallRyeWeld.with(Map.of("signal-bus.topics.unheard.incoming", "in",
                "mp.messaging.incoming.in.connector", "smallrye-in-memory"), Desk.class).close())
                .hasStackTraceContaining("signal-bus.topics.\"unheard\".incoming is set, but no @Subscribes method");
    }

    @ApplicationScoped
    static class Desk {
        void receive(@Subscribes("orders") String order) {
        }
    }
}
