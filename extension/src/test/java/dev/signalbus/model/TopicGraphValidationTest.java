package dev.signalbus.model;

import static dev.signalbus.model.Fixtures.graph;
import static dev.signalbus.model.Fixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import dev.signalbus.Batch;
import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

/** The per-method rules of DESIGN.md's validation list; each message names the method and the fix. */
@SuppressWarnings("unused")
class TopicGraphValidationTest {

    static class TwoTopics {
        void both(@Subscribes("a") String a, @Subscribes("b") String b) {
        }
    }

    @Test
    void subscribesOnMoreThanOneParameter() {
        TopicGraph graph = graph(TwoTopics.class);

        assertThat(graph.errors()).singleElement().asString()
                .contains(target(TwoTopics.class, "both") + "(String, String)")
                .contains("@Subscribes on 2 parameters (#0, #1)")
                .contains("keep @Subscribes on one parameter");
        assertThat(graph.subscribers()).isEmpty();
    }

    static class PrivateSubscriber {
        private void on(@Subscribes("a") String a) {
        }
    }

    static class PrivatePeriodic {
        @PeriodicTask(every = "1s")
        private void tick() {
        }
    }

    static class PrivatePublisher {
        @Publishes("a")
        private String make() {
            return "x";
        }
    }

    @Test
    void privateSubscriber() {
        assertThat(graph(PrivateSubscriber.class).errors()).singleElement().asString()
                .contains(target(PrivateSubscriber.class, "on") + "(String)")
                .contains("@Subscribes method and must not be private")
                .contains("make it package-private, protected or public");
        assertThat(graph(PrivateSubscriber.class).subscribers()).isEmpty();
    }

    @Test
    void privatePeriodicTask() {
        assertThat(graph(PrivatePeriodic.class).errors()).singleElement().asString()
                .contains(target(PrivatePeriodic.class, "tick") + "()")
                .contains("@PeriodicTask method and must not be private")
                .contains("make it package-private, protected or public");
        assertThat(graph(PrivatePeriodic.class).periodics()).isEmpty();
    }

    @Test
    void privatePublisher() {
        assertThat(graph(PrivatePublisher.class).errors()).singleElement().asString()
                .contains(target(PrivatePublisher.class, "make") + "()")
                .contains("@Publishes method and must not be private")
                .contains("make it package-private, protected or public");
        assertThat(graph(PrivatePublisher.class).publishers()).isEmpty();
    }

    static class StaticMethods {
        static void on(@Subscribes("a") String a) {
        }

        @PeriodicTask(every = "1s")
        @Publishes("a")
        static String tick() {
            return "x";
        }
    }

    @Test
    void staticSubscriberPeriodicTaskAndPublisher() {
        TopicGraph graph = graph(StaticMethods.class);

        assertThat(graph.errors()).hasSize(2);
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .contains(target(StaticMethods.class, "on") + "(String)")
                .contains("@Subscribes method and must not be static")
                .contains("make it an instance method"));
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .contains(target(StaticMethods.class, "tick") + "()")
                .contains("@PeriodicTask/@Publishes method and must not be static")
                .contains("make it an instance method"));
        assertThat(graph.subscribers()).isEmpty();
        assertThat(graph.periodics()).isEmpty();
        assertThat(graph.publishers()).isEmpty();
    }

    static class BlankPublisherTopic {
        @Publishes(" ")
        String make() {
            return "x";
        }
    }

    @Test
    void blankPublisherTopic() {
        TopicGraph graph = graph(BlankPublisherTopic.class);

        assertThat(graph.errors()).singleElement().asString()
                .contains(target(BlankPublisherTopic.class, "make") + "()")
                .contains("@Publishes with a blank topic")
                .contains("name the topic, e.g. @Publishes(\"orders\")");
        assertThat(graph.publishers()).isEmpty();
        assertThat(graph.warnings()).isEmpty();
    }

    static class BlankSubscriberTopic {
        void on(String before, @Subscribes("") String a) {
        }
    }

    @Test
    void blankSubscriberTopic() {
        TopicGraph graph = graph(BlankSubscriberTopic.class);

        assertThat(graph.errors()).singleElement().asString()
                .contains(target(BlankSubscriberTopic.class, "on") + "(String, String)")
                .contains("@Subscribes with a blank topic on parameter 1")
                .contains("name the topic, e.g. @Subscribes(\"orders\")");
        assertThat(graph.subscribers()).isEmpty();
    }

    static class VoidPublishers {
        @Publishes("a")
        void nothing() {
        }

        @Publishes("a")
        Void boxedNothing() {
            return null;
        }

        @Publishes("a")
        CompletionStage<Void> later() {
            return null;
        }

        @Publishes("a")
        CompletableFuture<Void> future() {
            return null;
        }

        @Publishes("a")
        Optional<Void> maybe() {
            return Optional.empty();
        }

        @Publishes("a")
        CompletionStage<Optional<Void>> nested() {
            return null;
        }
    }

    @Test
    void voidPublishersIncludingWrappedVoid() {
        TopicGraph graph = graph(VoidPublishers.class);

        assertThat(graph.errors()).hasSize(6).allSatisfy(error -> assertThat(error)
                .contains("is a @Publishes method but returns")
                .contains("so it can never publish a signal")
                .contains("return the signal (e.g. Order, Optional<Order> or CompletionStage<Order>), or remove @Publishes"));
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .startsWith(target(VoidPublishers.class, "nothing") + "()").contains("returns void,"));
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .startsWith(target(VoidPublishers.class, "boxedNothing") + "()").contains("returns java.lang.Void,"));
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .startsWith(target(VoidPublishers.class, "later") + "()")
                .contains("returns java.util.concurrent.CompletionStage<java.lang.Void>,"));
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .startsWith(target(VoidPublishers.class, "maybe") + "()")
                .contains("returns java.util.Optional<java.lang.Void>,"));
        assertThat(graph.publishers()).isEmpty();
    }

    @Test
    void mutinyUniOfVoidIsAVoidPublisherToo() {
        TypeRef uniOfVoid = TypeRef.parameterized("io.smallrye.mutiny.Uni", List.of(TypeRef.classType("java.lang.Void")));
        MethodModel method = new MethodModel("com.acme.Foo", "bar", false, false, uniOfVoid, List.of(), "a", null, null);

        assertThat(TopicGraph.of(List.of(method), null, null).errors()).singleElement().asString()
                .startsWith("com.acme.Foo#bar()")
                .contains("returns io.smallrye.mutiny.Uni<java.lang.Void>, so it can never publish a signal");
    }

    static class BatchNotList {
        @Batch
        void on(@Subscribes("a") String a) {
        }

        @Batch
        void onInt(@Subscribes("b") int b) {
        }

        @Batch
        void onCollection(@Subscribes("c") java.util.Collection<String> c) {
        }
    }

    @Test
    void batchWithoutAListParameter() {
        TopicGraph graph = graph(BatchNotList.class);

        assertThat(graph.errors()).hasSize(3);
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .startsWith(target(BatchNotList.class, "on") + "(String)")
                .contains("has @Batch, so its @Subscribes parameter must be a java.util.List, but it is java.lang.String")
                .contains("change it to java.util.List<java.lang.String>, or remove @Batch"));
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .startsWith(target(BatchNotList.class, "onInt") + "(int)")
                .contains("change it to java.util.List<java.lang.Integer>"));
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .startsWith(target(BatchNotList.class, "onCollection") + "(Collection<String>)")
                .contains("but it is java.util.Collection<java.lang.String>"));
        assertThat(graph.subscribers()).isEmpty();
    }

    static class BatchWithoutSubscribes {
        @Batch
        void on(List<String> a) {
        }
    }

    @Test
    void batchWithoutSubscribes() {
        assertThat(graph(BatchWithoutSubscribes.class).errors()).singleElement().asString()
                .startsWith(target(BatchWithoutSubscribes.class, "on") + "(List<String>)")
                .contains("has @Batch but no @Subscribes parameter")
                .contains("add @Subscribes(\"topic\") to a java.util.List<T> parameter, or remove @Batch");
    }

    static class BadEvery {
        @PeriodicTask(every = "soon")
        void garbage() {
        }

        @PeriodicTask(every = "0s")
        void zero() {
        }

        @PeriodicTask(every = "-1s")
        void negative() {
        }

        @PeriodicTask(every = "")
        void blank() {
        }
    }

    @Test
    void badEvery() {
        TopicGraph graph = graph(BadEvery.class);

        assertThat(graph.errors()).hasSize(4);
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .startsWith(target(BadEvery.class, "garbage") + "()")
                .contains("@PeriodicTask(every = \"soon\"), which is not a valid duration")
                .contains("\"500ms\"").contains("\"PT0.5S\""));
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .startsWith(target(BadEvery.class, "zero") + "()")
                .contains("@PeriodicTask(every = \"0s\"): it must be positive, e.g. \"500ms\" or \"5s\""));
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .startsWith(target(BadEvery.class, "negative") + "()")
                .contains("@PeriodicTask(every = \"-1s\")").contains("must not be negative"));
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .startsWith(target(BadEvery.class, "blank") + "()").contains("it is blank"));
        assertThat(graph.periodics()).isEmpty();
    }

    static class BadDelay {
        @PeriodicTask(every = "1s", delay = "-5s")
        void negative() {
        }

        @PeriodicTask(every = "1s", delay = "later")
        void garbage() {
        }

        @PeriodicTask(every = "1s", delay = "0ms")
        void zeroIsFine() {
        }
    }

    @Test
    void badDelay() {
        TopicGraph graph = graph(BadDelay.class);

        assertThat(graph.errors()).hasSize(2);
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .startsWith(target(BadDelay.class, "negative") + "()")
                .contains("@PeriodicTask(delay = \"-5s\"), which is not a valid duration")
                .contains("must not be negative"));
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .startsWith(target(BadDelay.class, "garbage") + "()")
                .contains("@PeriodicTask(delay = \"later\"), which is not a valid duration"));
        assertThat(graph.periodics()).extracting(periodic -> periodic.method().name()).containsExactly("zeroIsFine");
    }

    static class BadMaxWait {
        @Batch(maxWait = "0ms")
        void zero(@Subscribes("a") List<String> a) {
        }

        @Batch(maxWait = "a while")
        void garbage(@Subscribes("a") List<String> a) {
        }
    }

    @Test
    void badMaxWait() {
        TopicGraph graph = graph(BadMaxWait.class);

        assertThat(graph.errors()).hasSize(2);
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .startsWith(target(BadMaxWait.class, "zero") + "(List<String>)")
                .contains("@Batch(maxWait = \"0ms\"): it must be positive"));
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .startsWith(target(BadMaxWait.class, "garbage") + "(List<String>)")
                .contains("@Batch(maxWait = \"a while\"), which is not a valid duration"));
        assertThat(graph.subscribers()).isEmpty();
    }

    static class Expressions {
        @PeriodicTask(every = "${tick.every}", delay = "${tick.delay:1s}")
        void tick() {
        }

        @Batch(maxWait = "${batch.wait}")
        void store(@Subscribes("a") List<String> a) {
        }
    }

    @Test
    void expressionsThatCannotBeResolvedNowAreLeftForStartup() {
        TopicGraph graph = graph(key -> null, Expressions.class);

        assertThat(graph.errors()).isEmpty();
        assertThat(graph.periodics()).singleElement()
                .isEqualTo(new TopicGraph.Periodic(graph.periodics().get(0).method(), "${tick.every}", "${tick.delay:1s}"));
        assertThat(graph.subscribers()).singleElement()
                .satisfies(subscriber -> assertThat(subscriber.batchMaxWait()).isEqualTo("${batch.wait}"));
    }

    @Test
    void resolvedExpressionsAreChecked() {
        Map<String, String> config = Map.of("tick.every", "0s", "tick.delay", "whenever", "batch.wait", "-2s");
        TopicGraph graph = graph(config::get, Expressions.class);

        assertThat(graph.errors()).hasSize(3);
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .startsWith(target(Expressions.class, "tick") + "()")
                .contains("@PeriodicTask(every = \"${tick.every}\"): it must be positive"));
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .startsWith(target(Expressions.class, "tick") + "()")
                .contains("@PeriodicTask(delay = \"${tick.delay:1s}\"), which is not a valid duration")
                .contains("\"whenever\"").contains("config key \"tick.delay\""));
        assertThat(graph.errors()).anySatisfy(error -> assertThat(error)
                .startsWith(target(Expressions.class, "store") + "(List<String>)")
                .contains("must not be negative").contains("config key \"batch.wait\""));
    }

    static class BadConcurrency {
        void on(@Subscribes(value = "a", concurrency = 0) String a) {
        }
    }

    @Test
    void nonPositiveConcurrency() {
        TopicGraph graph = graph(BadConcurrency.class);

        assertThat(graph.errors()).singleElement().asString()
                .startsWith(target(BadConcurrency.class, "on") + "(String)")
                .contains("@Subscribes(concurrency = 0) on parameter 0: it must be at least 1");
        assertThat(graph.subscribers()).isEmpty();
    }

    static class BadMaxSize {
        @Batch(maxSize = -3)
        void on(@Subscribes("a") List<String> a) {
        }
    }

    @Test
    void nonPositiveMaxSize() {
        TopicGraph graph = graph(BadMaxSize.class);

        assertThat(graph.errors()).singleElement().asString()
                .startsWith(target(BadMaxSize.class, "on") + "(List<String>)")
                .contains("@Batch(maxSize = -3): it must be at least 1");
        assertThat(graph.subscribers()).isEmpty();
    }

    static class PeriodicSubscriber {
        @PeriodicTask(every = "1s")
        void tick(@Subscribes("a") String a) {
        }
    }

    @Test
    void periodicTaskWithASubscribesParameter() {
        TopicGraph graph = graph(PeriodicSubscriber.class);

        assertThat(graph.errors()).singleElement().asString()
                .startsWith(target(PeriodicSubscriber.class, "tick") + "(String)")
                .contains("is a @PeriodicTask method with a @Subscribes parameter")
                .contains("the scheduler calls it with no signal")
                .contains("move the @Subscribes parameter to a subscriber method of its own");
        assertThat(graph.periodics()).isEmpty();
        assertThat(graph.subscribers()).isEmpty();
    }

    static class ManyProblems {
        @Batch(maxSize = 0, maxWait = "never")
        private static void on(@Subscribes(value = " ", concurrency = -1) String a) {
        }

        @Publishes("")
        void nothing() {
        }
    }

    @Test
    void collectsEveryProblemNotOnlyTheFirst() {
        TopicGraph graph = graph(ManyProblems.class);

        assertThat(graph.errors()).hasSize(9);
        assertThat(graph.errors()).filteredOn(error -> error.startsWith(target(ManyProblems.class, "on") + "(String)"))
                .hasSize(7)
                .anySatisfy(error -> assertThat(error).contains("must not be private"))
                .anySatisfy(error -> assertThat(error).contains("must not be static"))
                .anySatisfy(error -> assertThat(error).contains("blank topic"))
                .anySatisfy(error -> assertThat(error).contains("concurrency = -1"))
                .anySatisfy(error -> assertThat(error).contains("must be a java.util.List"))
                .anySatisfy(error -> assertThat(error).contains("maxSize = 0"))
                .anySatisfy(error -> assertThat(error).contains("maxWait = \"never\""));
        assertThat(graph.errors()).filteredOn(error -> error.startsWith(target(ManyProblems.class, "nothing") + "()"))
                .hasSize(2);
    }

    @Test
    void errorsAreInAStableOrder() {
        List<MethodModel> models = Fixtures.models(ManyProblems.class, BadEvery.class, TwoTopics.class);
        List<MethodModel> reversed = new java.util.ArrayList<>(models);
        java.util.Collections.reverse(reversed);

        assertThat(TopicGraph.of(reversed, null, null).errors())
                .containsExactlyElementsOf(TopicGraph.of(models, null, null).errors());
    }
}
