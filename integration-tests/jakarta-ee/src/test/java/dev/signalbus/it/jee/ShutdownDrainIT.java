package dev.signalbus.it.jee;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Stopping the whole server (SIGTERM, as a service manager or a container runtime does) drains
 * the bus before the server's managed executors go: a burst of chains published just before the
 * stop arrives at the end of the chain in full, written to a file outside the server.
 *
 * <p>Runs last: it stops the server (run-wildfly.sh's stop then finds it gone).
 */
@Order(Integer.MAX_VALUE)
class ShutdownDrainIT {

    private static final int CHAINS = 100;

    @Test
    void chainsPublishedBeforeTheServerStopsAllArrive() throws Exception {
        String id = "shutdown-" + UUID.randomUUID();
        ProcessHandle launcher = Server.launcher();

        Server.post("chain/" + id + "?count=" + CHAINS);
        assertThat(launcher.destroy()).as("SIGTERM to the server launcher").isTrue();
        long arrivedWhenStopAsked = UndeployDrainIT.arrived(id).size();

        launcher.onExit().get(90, TimeUnit.SECONDS);

        assertThat(UndeployDrainIT.arrived(id)).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, CHAINS).mapToObj(i -> id + "-" + i + ">b>c").toList());
        // 20 ms per chain in step B: most of the burst was in flight when the stop began
        assertThat(arrivedWhenStopAsked).isLessThan(CHAINS);
    }
}
