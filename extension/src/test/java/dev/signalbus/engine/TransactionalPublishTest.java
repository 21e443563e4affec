package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.TransactionPhase;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
/**
 * Signals published inside a transaction follow it, through a {@link TransactionSupport} (JTA's in
 * the containers; here a transaction of the test's own, on the publishing thread): held until the
 * phase, dropped when it never comes, pending work meanwhile, and never lost silently.
 */
class TransactionalPublishTest {

    private final TestBus bus = new TestBus(2);
    private final TestTransactions transactions = new TestTransactions();
    private final List<Object> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        bus.close();
    }

    private SignalBusEngine engine(BusConfig config) {
        return bus.started(bus.builder().config(config).transactions(transactions)
                .subscriber(SubscriberSpec.of("t", "T#on", Object.class, 1, received::add)));
    }

    @Test
    void afterSuccessIsPublishedOnCommitAndNeverOnRollback() {
        SignalBusEngine engine = engine(BusConfig.defaults());

        transactions.begin();
        engine.publish("t", "committed");
        assertThat(engine.awaitIdle(Duration.ZERO)).as("held: pending work").isFalse();
        transactions.complete(true);

        transactions.begin();
        engine.publish("t", "rolled back", TransactionPhase.AFTER_SUCCESS);
        transactions.complete(false);

        engine.publish("t", "no transaction");

        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(received).containsExactlyInAnyOrder("committed", "no transaction");
        assertThat(bus.failures).isEmpty();
    }

    @Test
    void eachPhaseAsForTransactionalObservers() {
        SignalBusEngine engine = engine(BusConfig.defaults());
        for (boolean commit : new boolean[] { true, false }) {
            transactions.begin();
            engine.publish("t", "in progress " + commit, TransactionPhase.IN_PROGRESS);
            if (commit) {
                // delivered while the transaction is still open
                await().atMost(Duration.ofSeconds(30)).until(() -> received.contains("in progress true"));
            }
            engine.publish("t", "before completion " + commit, TransactionPhase.BEFORE_COMPLETION);
            engine.publish("t", "after completion " + commit, TransactionPhase.AFTER_COMPLETION);
            engine.publish("t", "after failure " + commit, TransactionPhase.AFTER_FAILURE);
            engine.publish("t", "after success " + commit, TransactionPhase.AFTER_SUCCESS);
            transactions.complete(commit);
        }

        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(received).containsExactlyInAnyOrder(
                "in progress true", "before completion true", "after completion true", "after success true",
                "in progress false", "after completion false", "after failure false");
    }

    @Test
    void aQueueStillFullAtCommitIsASignalFailureNamingThePublisher() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SignalBusEngine engine = bus.started(bus.builder().transactions(transactions)
                .config(new BusConfig(Duration.ofSeconds(30), 1, Duration.ZERO, Map.of()))
                .subscriber(SubscriberSpec.of("t", "T#on", Object.class, 1, s -> {
                    holding.countDown();
                    TestBus.await(release);
                    return received.add(s);
                })));
        engine.publish("t", "first"); // taken and held by the subscriber
        TestBus.await(holding);
        engine.publish("t", "second"); // the queue of 1 is full

        transactions.begin();
        engine.publish("t", "held", TransactionPhase.AFTER_SUCCESS,
                Publisher.class.getDeclaredMethod("place"));
        transactions.complete(true); // cannot throw into the committed transaction

        assertThat(bus.failures).singleElement().satisfies(failure -> {
            assertThat(failure.topic()).isEqualTo("t");
            assertThat(failure.target()).isEqualTo(Publisher.class.getName() + "#place");
            assertThat(failure.signal()).isEqualTo("held");
            assertThat(failure.failure()).hasMessageContaining("is full");
        });
        release.countDown();
        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(received).containsExactly("first", "second");
    }

    @Test
    void aTransactionThatCommitsDuringTheDrainIsPublishedAndDrained() throws Exception {
        SignalBusEngine engine = engine(BusConfig.defaults());
        transactions.begin();
        engine.publish("t", "held");
        List<TestTransactions.Registration> open = transactions.detach();

        CompletableFuture<DrainReport> drain = CompletableFuture.supplyAsync(engine::shutdown);
        await().atMost(Duration.ofSeconds(10)).until(engine::draining);
        assertThat(drain).isNotDone(); // it waits for the transaction
        TestTransactions.complete(open, true);

        DrainReport report = drain.get(30, TimeUnit.SECONDS);
        assertThat(report.complete()).isTrue();
        assertThat(received).containsExactly("held");
    }

    @Test
    void aTransactionStillOpenPastTheTimeoutIsReportedThenFailsWhenItCommits() {
        SignalBusEngine engine = engine(TestBus.config(Duration.ofMillis(300), 10, Duration.ofSeconds(1)));
        transactions.begin();
        engine.publish("t", "held");

        DrainReport report = engine.shutdown();

        assertThat(report.complete()).isFalse();
        assertThat(report.undelivered())
                .isEqualTo(Map.of("signals of topic 't' held until their transaction completes", 1L));
        transactions.complete(true);
        assertThat(bus.failures).singleElement().satisfies(failure -> {
            assertThat(failure.target()).isEqualTo("SignalBus#publish");
            assertThat(failure.failure()).hasMessageContaining("has stopped");
        });
        assertThat(received).isEmpty();
        transactions.begin();
        assertThatThrownBy(() -> engine.publish("t", "after the stop")).isInstanceOf(IllegalStateException.class);
    }

    static class Publisher {
        String place() {
            return "held";
        }
    }

    /** One transaction at a time on the test thread, its synchronizations run by {@link #complete}. */
    static final class TestTransactions implements TransactionSupport {

        record Registration(TransactionPhase phase, HeldSignal held) {
        }

        private List<Registration> current;

        void begin() {
            current = new ArrayList<>();
        }

        List<Registration> detach() {
            List<Registration> detached = current;
            current = null;
            return detached;
        }

        void complete(boolean commit) {
            complete(detach(), commit);
        }

        static void complete(List<Registration> registrations, boolean commit) {
            for (Registration r : registrations) {
                if (r.phase() == TransactionPhase.BEFORE_COMPLETION && commit) {
                    r.held().release();
                }
            }
            for (Registration r : registrations) {
                switch (r.phase()) {
                    case AFTER_COMPLETION -> r.held().release();
                    case AFTER_SUCCESS -> {
                        if (commit) {
                            r.held().release();
                        } else {
                            r.held().drop();
                        }
                    }
                    case AFTER_FAILURE -> {
                        if (commit) {
                            r.held().drop();
                        } else {
                            r.held().release();
                        }
                    }
                    default -> r.held().drop();
                }
            }
        }

        @Override
        public boolean active() {
            return current != null;
        }

        @Override
        public boolean hold(TransactionPhase phase, HeldSignal held) {
            if (current == null) {
                return false;
            }
            current.add(new Registration(phase, held));
            return true;
        }
    }
}
