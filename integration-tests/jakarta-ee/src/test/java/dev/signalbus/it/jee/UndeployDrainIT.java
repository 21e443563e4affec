package dev.signalbus.it.jee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Undeploying the WAR drains the bus: a burst of chains published just before the undeploy
 * arrives at the end of the chain in full. The last subscriber appends to a file outside the
 * deployment, read once the server reports the WAR undeployed.
 *
 * <p>Runs after the other tests but {@link ShutdownDrainIT} (it undeploys the WAR the others use;
 * it deploys it again at the end).
 */
@Order(Integer.MAX_VALUE - 1)
class UndeployDrainIT {

    private static final int CHAINS = 100;

    @Test
    void chainsPublishedBeforeUndeployAllArrive() throws IOException {
        String id = "drain-" + UUID.randomUUID();
        Path deployed = Server.deployments().resolve(Server.war() + ".deployed");
        Path undeployed = Server.deployments().resolve(Server.war() + ".undeployed");
        assertThat(deployed).exists();

        Server.post("chain/" + id + "?count=" + CHAINS);
        // The deployment scanner undeploys a WAR whose .deployed marker is removed.
        Files.delete(deployed);
        long arrivedWhenUndeployAsked = arrived(id).size();

        await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(undeployed));

        assertThat(Server.status("deliveries")).as("the WAR is gone").isEqualTo(404);
        assertThat(arrived(id)).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, CHAINS).mapToObj(i -> id + "-" + i + ">b>c").toList());
        // Each chain spends 20 ms in step B, so most of the burst was still in flight when the
        // undeploy was asked for: the drain, not luck, delivered it.
        assertThat(arrivedWhenUndeployAsked).isLessThan(CHAINS);

        // deployed again for ShutdownDrainIT: the scanner deploys a WAR with a .dodeploy marker
        Files.createFile(Server.deployments().resolve(Server.war() + ".dodeploy"));
        await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(deployed));
        await().atMost(Server.PATIENCE).until(() -> Server.status("deliveries") == 200);
    }

    static List<String> arrived(String id) throws IOException {
        Path file = Server.chainFile();
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().filter(line -> line.startsWith(id)).toList();
    }
}
