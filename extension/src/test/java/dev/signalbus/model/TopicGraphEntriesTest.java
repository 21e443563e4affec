package dev.signalbus.model;

import static dev.signalbus.model.Fixtures.graph;
import static dev.signalbus.model.Fixtures.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import dev.signalbus.Batch;
import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

/** What a front door builds its specs from: the valid entries, in a stable order, and the warnings. */
@SuppressWarnings("unused")
class TopicGraphEntriesTest {

    static class Orders {
        @Publishes("orders")
        Optional<String> place(String item) {
            return Optional.of(item);
        }

        @PeriodicTask(every = "5s", delay = "1s")
        @Publishes("ticks")
        long tick() {
            return 1L;
        }

        @PeriodicTask(every = "${cleanup.every}")
        void cleanup() {
        }
    }

    static class Mailer {
        void onOrder(Object ignored, @Subscribes(value = "orders", concurrency = 4) CharSequence order) {
        }

        @Batch(maxSize = 50, maxWait = "${batch.wait}")
        CompletionStage<Void> store(@Subscribes("orders") List<? extends CharSequence> orders) {
            return null;
        }

        void onTick(@Subscribes("ticks") long tick) {
        }
    }

    static class Generic<T extends Number> {
        void onAny(@Subscribes("ticks") T tick) {
        }

        @Batch
        void onRaw(@Subscribes("ticks") @SuppressWarnings("rawtypes") List ticks) {
        }

        void onArray(@Subscribes("arrays") String[] values) {
        }

        @Publishes("arrays")
        String[] arrays() {
            return new String[0];
        }
    }

    @Test
    void validGraphHasNoErrors() {
        assertThat(graph(Orders.class, Mailer.class, Generic.class).errors()).isEmpty();
    }

    @Test
    void subscribersAreOrderedByTopicThenTargetWithTheirSettings() {
        TopicGraph graph = graph(Orders.class, Mailer.class, Generic.class);

        assertThat(graph.subscribers()).extracting(TopicGraph.Subscriber::topic, s -> s.method().target())
                .containsExactly(
                        tuple("arrays", target(Generic.class, "onArray")),
                        tuple("orders", target(Mailer.class, "onOrder")),
                        tuple("orders", target(Mailer.class, "store")),
                        tuple("ticks", target(Generic.class, "onAny")),
                        tuple("ticks", target(Generic.class, "onRaw")),
                        tuple("ticks", target(Mailer.class, "onTick")));
    }

    @Test
    void plainSubscriberEntry() {
        TopicGraph.Subscriber onOrder = subscriber(graph(Orders.class, Mailer.class), "onOrder");

        assertThat(onOrder.signalIndex()).isEqualTo(1);
        assertThat(onOrder.signalClass()).isEqualTo("java.lang.CharSequence");
        assertThat(onOrder.concurrency()).isEqualTo(4);
        assertThat(onOrder.batchMaxSize()).isZero();
        assertThat(onOrder.batchMaxWait()).isNull();
    }

    @Test
    void batchSubscriberEntryCarriesTheElementClassAndMaxWaitAsWritten() {
        TopicGraph.Subscriber store = subscriber(graph(Orders.class, Mailer.class), "store");

        assertThat(store.signalIndex()).isZero();
        assertThat(store.signalClass()).isEqualTo("java.lang.CharSequence");
        assertThat(store.concurrency()).isEqualTo(1);
        assertThat(store.batchMaxSize()).isEqualTo(50);
        assertThat(store.batchMaxWait()).isEqualTo("${batch.wait}");
    }

    @Test
    void signalClassIsBoxedAndErased() {
        TopicGraph graph = graph(Orders.class, Mailer.class, Generic.class);

        assertThat(subscriber(graph, "onTick").signalClass()).isEqualTo("java.lang.Long");
        assertThat(subscriber(graph, "onAny").signalClass()).isEqualTo("java.lang.Number");
        assertThat(subscriber(graph, "onRaw").signalClass()).isEqualTo("java.lang.Object");
        assertThat(subscriber(graph, "onArray").signalClass()).isEqualTo("[Ljava.lang.String;");
    }

    @Test
    void periodicsAreOrderedByTargetAsWritten() {
        TopicGraph graph = graph(Orders.class, Mailer.class);

        assertThat(graph.periodics()).extracting(p -> p.method().name(), TopicGraph.Periodic::every,
                TopicGraph.Periodic::delay).containsExactly(
                        tuple("cleanup", "${cleanup.every}", "0s"),
                        tuple("tick", "5s", "1s"));
    }

    @Test
    void publishersAreOrderedByTarget() {
        TopicGraph graph = graph(Orders.class, Mailer.class, Generic.class);

        assertThat(graph.publishers()).extracting(MethodModel::target).containsExactly(
                target(Generic.class, "arrays"), target(Orders.class, "place"), target(Orders.class, "tick"));
    }

    static class Lonely {
        @Publishes("nobody-listens")
        String shout() {
            return "hello";
        }

        void listen(@Subscribes("nobody-talks") String message) {
        }
    }

    @Test
    void topicWithPublishersAndNoSubscriberIsAWarning() {
        TopicGraph graph = graph(Lonely.class);

        assertThat(graph.errors()).isEmpty();
        assertThat(graph.warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith("Topic \"nobody-listens\" has publishers (" + target(Lonely.class, "shout") + "()) but no subscriber")
                .contains("counted as unrouted")
                .contains("add a @Subscribes(\"nobody-listens\") parameter"));
        assertThat(graph.publishers()).hasSize(1);
    }

    @Test
    void topicWithSubscribersAndNoPublisherIsAWarningThatMentionsProgrammaticPublishing() {
        TopicGraph graph = graph(Lonely.class);

        assertThat(graph.warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith("Topic \"nobody-talks\" has subscribers (" + target(Lonely.class, "listen") + "(String)) but no @Publishes method")
                .contains("SignalBus.publish(\"nobody-talks\", signal)")
                .contains("check the topic name for a typo"));
        assertThat(graph.subscribers()).hasSize(1);
    }

    @Test
    void connectedTopicsHaveNoWarnings() {
        assertThat(graph(Orders.class, Mailer.class, Generic.class).warnings()).isEmpty();
        // Generic receives "ticks" and is connected on "arrays"; nobody receives "orders" without Mailer
        assertThat(graph(Orders.class, Generic.class).warnings()).singleElement().asString()
                .startsWith("Topic \"orders\" has publishers");
    }

    @Test
    void anInvalidPublisherStillCountsForTheWarnings() {
        TopicGraph graph = graph(PrivatePublisher.class);

        assertThat(graph.errors()).hasSize(1);
        assertThat(graph.warnings()).isEmpty();
    }

    static class PrivatePublisher {
        @Publishes("t")
        private String make() {
            return "x";
        }

        void on(@Subscribes("t") String value) {
        }
    }

    static class Chain {
        @Publishes("totals")
        int total(@Subscribes("orders") String order) {
            return order.length();
        }

        void onTotal(@Subscribes("totals") Number total) {
        }
    }

    @Test
    void aSubscriberMayPublishItsResultToChainTopics() {
        TopicGraph graph = graph(Orders.class, Chain.class);

        assertThat(graph.errors()).isEmpty();
        assertThat(graph.publishers()).extracting(MethodModel::target).contains(target(Chain.class, "total"));
        assertThat(graph.subscribers()).extracting(s -> s.method().target())
                .contains(target(Chain.class, "total"), target(Chain.class, "onTotal"));
    }

    private static TopicGraph.Subscriber subscriber(TopicGraph graph, String method) {
        return graph.subscribers().stream().filter(s -> s.method().name().equals(method)).findFirst()
                .orElseThrow(() -> new AssertionError("no subscriber " + method + " in " + graph.subscribers()));
    }
}
