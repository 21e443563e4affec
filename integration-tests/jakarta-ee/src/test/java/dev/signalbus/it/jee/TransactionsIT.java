package dev.signalbus.it.jee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * On WildFly Preview, with its default datasource and {@code @Transactional}: a signal published in a
 * JTA transaction goes out once it commits — the subscriber reads the committed row every time — and
 * never when it rolls back; {@code IN_PROGRESS} goes out at once, before the commit.
 */
class TransactionsIT {

    @Test
    void aThousandMixedCommitsAndRollbacksPublishExactlyTheCommittedOrders() {
        String[] lines = Server.post("tx/mixed?count=1000&seed=1000").split("\n", -1);
        Set<Long> committed = ids(lines[0]);
        Set<Long> rolledBack = ids(lines[1]);

        await().atMost(Server.PATIENCE).until(() -> checked().keySet().containsAll(committed));
        Map<Long, Boolean> checked = checked();
        long delivered = committed.stream().filter(checked::containsKey).count();
        long foundCommitted = committed.stream().filter(id -> Boolean.TRUE.equals(checked.get(id))).count();
        long phantoms = rolledBack.stream().filter(checked::containsKey).count();
        System.out.printf("TRANSACTIONS wildfly committed=%d rolledBack=%d delivered=%d foundCommitted=%d"
                + " phantoms=%d%n", committed.size(), rolledBack.size(), delivered, foundCommitted, phantoms);
        assertThat(rolledBack).isNotEmpty();
        assertThat(delivered).isEqualTo(committed.size());
        assertThat(foundCommitted).as("the subscriber finds every committed order").isEqualTo(committed.size());
        assertThat(phantoms).as("no signal of a rolled-back transaction").isZero();
    }

    @Test
    void aSignalPublishedInTheCallersTransactionWaitsForItsCommit() {
        String[] answer = Server.post("tx/caller").split(",");

        assertThat(answer[1]).as("nothing delivered while the caller's transaction was open").isEqualTo("true");
        await().atMost(Server.PATIENCE).until(() -> Server.get("tx/checked/" + answer[0]).equals("found"));
    }

    @Test
    void inProgressIsDeliveredBeforeTheCommit() {
        String id = Server.post("tx/in-progress");

        assertThat(Server.get("tx/checked/" + id)).isEqualTo("missing");
    }

    private static Map<Long, Boolean> checked() {
        Map<Long, Boolean> checked = new HashMap<>();
        for (String entry : Server.get("tx/checked").split(",")) {
            if (!entry.isEmpty()) {
                checked.put(Long.parseLong(entry.substring(0, entry.length() - 1)), entry.endsWith("+"));
            }
        }
        return checked;
    }

    private static Set<Long> ids(String line) {
        return Arrays.stream(line.split(",")).filter(s -> !s.isEmpty()).map(Long::parseLong)
                .collect(Collectors.toSet());
    }
}
