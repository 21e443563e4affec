package dev.signalbus.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signals received from a broker ({@link SignalBusEngine#receive}): routed to the local subscribers only, answered
 * once when every one of them has finished (with the first failure), whatever the delivery (plain, batch, per key,
 * concurrent); a local publish to a topic that also comes back from the broker goes to the outgoing subscriber only.
 */
class ReceiveTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final TestBus bus = new TestBus(4);

    @AfterEach
    void close() {
        bus.close();
    }

    /** The answers given, {@code "ok"} or the failure's message, in order. */
    private final List<String> answers = new CopyOnWriteArrayList<>();

    private void answered(Throwable failure) {
        answers.add(failure == null ? "ok" : failure.getMessage());
    }

    @Test
    void theAnswerComesOnceEveryLocalSubscriberFinished() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger fast = new AtomicInteger();
        SignalBusEngine engine = bus.started(bus.builder().incoming("t")
                .subscriber(SubscriberSpec.of("t", "A#fast", String.class, 1, s -> {
                    fast.incrementAndGet();
                    return null;
                }))
                .subscriber(SubscriberSpec.of("t", "B#slow", String.class, 1, s -> {
                    TestBus.await(release);
                    return null;
                })));

        engine.receive("t", "x", this::answered);

        await().atMost(WAIT).until(() -> fast.get() == 1);
        assertThat(answers).as("B has not finished").isEmpty();
        release.countDown();
        await().atMost(WAIT).until(() -> answers.size() == 1);
        assertThat(answers).containsExactly("ok");
    }

    @Test
    void aFailureOfOneSubscriberIsTheAnswerAndIsReportedToo() {
        SignalBusEngine engine = bus.started(bus.builder().incoming("t")
                .subscriber(SubscriberSpec.of("t", "A#ok", String.class, 1, s -> null))
                .subscriber(SubscriberSpec.of("t", "B#fails", String.class, 1, s -> {
                    throw new IllegalStateException("broken " + s);
                })));

        engine.receive("t", "x", this::answered);

        await().atMost(WAIT).until(() -> answers.size() == 1);
        assertThat(answers).containsExactly("broken x");
        assertThat(bus.failures).extracting(f -> f.target()).containsExactly("B#fails");
    }

    @Test
    void eachSignalOfABatchIsAnsweredAndAnAsyncResultCountsWhenItCompletes() {
        List<List<?>> batches = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = bus.builder().incoming("t")
                .subscriber(new SubscriberSpec("t", "A#batch", String.class, 1, 3, Duration.ofHours(1), s -> {
                    batches.add((List<?>) s);
                    return java.util.concurrent.CompletableFuture.supplyAsync(() -> null);
                }))
                .build();
        for (int i = 0; i < 6; i++) {
            engine.receive("t", "s" + i, this::answered);
        }
        engine.start();

        await().atMost(WAIT).until(() -> answers.size() == 6);
        assertThat(answers).containsOnly("ok");
        assertThat(batches).hasSize(2);
    }

    @Test
    void signalsWithKeysAreAnsweredAsTheirDeliveriesFinish() {
        AtomicInteger delivered = new AtomicInteger();
        SignalBusEngine engine = bus.started(bus.builder().incoming("t")
                .subscriber(SubscriberSpec.keyed("t", "A#keyed", String.class, 4, s -> ((String) s).substring(0, 1),
                        s -> {
                            delivered.incrementAndGet();
                            return null;
                        })));
        for (int i = 0; i < 100; i++) {
            engine.receive("t", (i % 5) + "-" + i, this::answered);
        }

        await().atMost(WAIT).until(() -> answers.size() == 100);
        assertThat(delivered).hasValue(100);
        assertThat(answers).containsOnly("ok");
    }

    @Test
    void aLocalPublishGoesToTheOutgoingSubscriberOnlyAndAReceivedSignalToTheLocalOnes() {
        List<String> local = new CopyOnWriteArrayList<>();
        List<String> sent = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = bus.started(bus.builder().incoming("t")
                .outgoing(SubscriberSpec.of("t", "outgoing channel 'c'", Object.class, 1, s -> {
                    sent.add((String) s);
                    return null;
                }))
                .subscriber(SubscriberSpec.of("t", "A#local", String.class, 1, s -> {
                    local.add((String) s);
                    return null;
                })));

        engine.publish("t", "published");
        engine.receive("t", "received", this::answered);

        await().atMost(WAIT).until(() -> sent.size() == 1 && local.size() == 1 && answers.size() == 1);
        assertThat(engine.awaitIdle(WAIT)).isTrue();
        assertThat(sent).containsExactly("published");
        assertThat(local).containsExactly("received");
        assertThat(engine.signalType("t")).as("the local subscribers' type, not the channel's").isEqualTo(String.class);
    }

    @Test
    void withoutIncomingALocalPublishReachesTheLocalSubscribersAndTheOutgoingOne() {
        List<String> local = new CopyOnWriteArrayList<>();
        List<String> sent = new CopyOnWriteArrayList<>();
        SignalBusEngine engine = bus.started(bus.builder()
                .outgoing(SubscriberSpec.of("t", "outgoing channel 'c'", Object.class, 1, s -> {
                    sent.add((String) s);
                    return null;
                }))
                .subscriber(SubscriberSpec.of("t", "A#local", String.class, 1, s -> {
                    local.add((String) s);
                    return null;
                })));

        engine.publish("t", "published");

        await().atMost(WAIT).until(() -> sent.size() == 1 && local.size() == 1);
        assertThatThrownBy(() -> engine.receive("t", "x", this::answered))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not receive");
    }

    @Test
    void theSignalTypeIsTheMostSpecificOneAndUnrelatedTypesOrNoSubscriberAreProblems() {
        SignalBusEngine engine = bus.builder().incoming("t")
                .subscriber(SubscriberSpec.of("t", "A#any", Object.class, 1, s -> null))
                .subscriber(SubscriberSpec.of("t", "B#chars", CharSequence.class, 1, s -> null))
                .subscriber(SubscriberSpec.of("t", "C#string", String.class, 1, s -> null))
                .build();
        assertThat(engine.receiveType("t")).isEqualTo(String.class);

        List<String> problems = new ArrayList<>(bus.builder().incoming("nobody").incoming("mixed")
                .subscriber(SubscriberSpec.of("mixed", "A#number", Integer.class, 1, s -> null))
                .subscriber(SubscriberSpec.of("mixed", "B#string", String.class, 1, s -> null))
                .problems("signal-bus."));
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("signal-bus.topics.\"mixed\".incoming", "A#number (java.lang.Integer)",
                "B#string (java.lang.String)");
        assertThat(problems.get(1)).contains("signal-bus.topics.\"nobody\".incoming",
                "no @Subscribes method receives topic 'nobody'");
    }

    @Test
    void aSignalADrainAbandonsIsNeverAnswered() {
        CountDownLatch never = new CountDownLatch(1);
        SignalBusEngine engine = bus.started(bus.builder()
                .config(TestBus.config(Duration.ofMillis(200), 10, Duration.ofSeconds(1)))
                .incoming("t")
                .subscriber(SubscriberSpec.of("t", "A#hangs", String.class, 1, s -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                })));
        List<String> answeredSignals = new CopyOnWriteArrayList<>();
        engine.receive("t", "taken", failure -> answeredSignals.add("taken"));
        engine.receive("t", "queued", failure -> answeredSignals.add("queued"));

        DrainReport report = engine.shutdown();

        assertThat(report.complete()).isFalse();
        assertThat(report.undelivered()).containsEntry("t -> A#hangs", 2L);
        // the interrupted delivery returns and is answered; the queued one never is: its message goes back
        await().atMost(WAIT).until(() -> answeredSignals.contains("taken"));
        assertThat(answeredSignals).containsExactly("taken");
    }
}
