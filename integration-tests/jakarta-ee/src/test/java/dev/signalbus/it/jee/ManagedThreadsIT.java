package dev.signalbus.it.jee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The bus runs on the server's Jakarta Concurrency executors: deliveries on the default
 * ManagedExecutorService, periodic tasks on the default ManagedScheduledExecutorService — never on
 * the HTTP request thread that published, never on threads of its own.
 */
class ManagedThreadsIT {

    @Test
    void deliveriesRunOnTheManagedExecutor() {
        String arg = "threads-" + UUID.randomUUID();

        String requestThread = Server.post("foo/" + arg);

        await().atMost(Server.PATIENCE).untilAsserted(() -> assertThat(Server.deliveries().stream()
                .filter(d -> d.signal().equals("message:" + arg))).hasSize(2));
        List<Server.Delivery> deliveries = Server.deliveries().stream()
                .filter(d -> d.signal().equals("message:" + arg)).toList();
        assertThat(deliveries).allSatisfy(delivery -> {
            assertThat(delivery.thread()).startsWith(Server.MANAGED_EXECUTOR_THREAD).isNotEqualTo(requestThread);
            assertThat(delivery.managed()).as("a ManageableThread").isTrue();
        });
    }

    @Test
    void periodicTasksRunOnTheManagedScheduledExecutor() {
        await().atMost(Server.PATIENCE).untilAsserted(
                () -> assertThat(Server.deliveries("ticker")).hasSizeGreaterThanOrEqualTo(2));

        assertThat(Server.deliveries("ticker")).allSatisfy(tick -> {
            assertThat(tick.thread()).startsWith(Server.MANAGED_SCHEDULER_THREAD);
            assertThat(tick.managed()).as("a ManageableThread").isTrue();
        });
    }
}
