package dev.signalbus.it.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.signalbus.SignalBus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Signals follow the JTA transaction they are published in, on Quarkus with Narayana, Hibernate ORM and an embedded
 * H2: the subscriber, in a transaction of its own, finds the committed order every time; a rolled-back transaction
 * publishes nothing; with {@code IN_PROGRESS} the subscriber may run before the commit; a queue still full at commit
 * is a {@code SignalFailure}.
 */
@QuarkusTest
class TransactionalPublishTest {

    @Inject
    Orders orders;

    @Inject
    OrderChecks checks;

    @Inject
    Narrow narrow;

    @Inject
    SignalBus bus;

    @Inject
    Sequence sequence;

    @Test
    void aThousandMixedCommitsAndRollbacksPublishExactlyTheCommittedOrders() {
        Set<Long> committed = new HashSet<>();
        Set<Long> rolledBack = new HashSet<>();
        Random random = new Random(1000);
        for (int i = 0; i < 1000; i++) {
            if (random.nextInt(3) == 0) {
                rolledBack.add(orders.placeAndRollBack("rolled back " + i));
            } else {
                committed.add(orders.place("committed " + i));
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> checks.found.keySet().containsAll(committed));
        assertThat(bus.awaitIdle(Duration.ofSeconds(30))).isTrue();
        long delivered = checks.found.keySet().stream().filter(committed::contains).count();
        long phantoms = checks.found.keySet().stream().filter(rolledBack::contains).count();
        long foundCommitted = committed.stream().filter(checks.found::get).count();
        System.out.printf("TRANSACTIONS committed=%d rolledBack=%d delivered=%d foundCommitted=%d phantoms=%d%n",
                committed.size(), rolledBack.size(), delivered, foundCommitted, phantoms);
        assertThat(rolledBack).isNotEmpty();
        assertThat(delivered).isEqualTo(committed.size());
        assertThat(foundCommitted).as("the subscriber finds every committed order").isEqualTo(committed.size());
        assertThat(phantoms).as("no signal of a rolled-back transaction").isZero();
    }

    @Test
    void theSignalsOfOneTransactionArePublishedInPublishOrder() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 20; i++) {
                bus.publish("sequence", i);
            }
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> sequence.received.size() == 20);
        assertThat(sequence.received).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
                19);
    }

    @Test
    void aSignalPublishedInTheCallersTransactionWaitsForItsCommit() {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            long placed = orders.placeInCallersTransaction("in the caller's transaction");
            // held until the commit: not delivered while the transaction is open
            assertThat(bus.awaitIdle(Duration.ofMillis(500))).isFalse();
            assertThat(checks.found).doesNotContainKey(placed);
            return placed;
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> checks.found.containsKey(id));
        assertThat(checks.found.get(id)).isTrue();
    }

    @Test
    void inProgressIsPublishedAtOnceAndTheSubscriberMayNotSeeTheOrderYet() {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            long placed = orders.placeInProgress("in progress");
            // delivered while this transaction is still open
            await().atMost(Duration.ofSeconds(30)).until(() -> checks.found.containsKey(placed));
            return placed;
        });

        assertThat(checks.found.get(id)).as("looked up before the commit").isFalse();
    }

    @Test
    void aQueueStillFullAtCommitIsASignalFailureNotAnExceptionInTheCommit() throws InterruptedException {
        bus.publish("narrow", "first");
        assertThat(narrow.holding.await(30, TimeUnit.SECONDS)).isTrue();
        bus.publish("narrow", "second"); // the queue of 1 is full
        try {
            QuarkusTransaction.requiringNew().run(() -> bus.publish("narrow", "held"));

            assertThat(narrow.failures).singleElement().satisfies(failure -> {
                assertThat(failure.topic()).isEqualTo("narrow");
                assertThat(failure.target()).isEqualTo("SignalBus#publish");
                assertThat(failure.signal()).isEqualTo("held");
                assertThat(failure.failure()).hasMessageContaining("is full");
            });
        } finally {
            narrow.release.countDown();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(narrow.received).containsExactly("first", "second"));
    }
}
