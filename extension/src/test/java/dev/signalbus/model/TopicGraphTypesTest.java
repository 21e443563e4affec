package dev.signalbus.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.signalbus.model.MethodModel.BatchModel;
import dev.signalbus.model.MethodModel.ParamModel;

/**
 * Type checking per topic: a subscriber must be able to accept what the topic's publishers return.
 * Types are built by hand, as a front door would from Jandex; JDK classes are known to the
 * hierarchy, {@code com.acme} classes are not.
 */
class TopicGraphTypesTest {

    private static final TypeHierarchy JDK = ReflectionModels.hierarchy(TopicGraphTypesTest.class.getClassLoader());

    private static final TypeRef STRING = TypeRef.classType("java.lang.String");
    private static final TypeRef INTEGER = TypeRef.classType("java.lang.Integer");
    private static final TypeRef LONG = TypeRef.classType("java.lang.Long");
    private static final TypeRef NUMBER = TypeRef.classType("java.lang.Number");
    private static final TypeRef CHAR_SEQUENCE = TypeRef.classType("java.lang.CharSequence");
    private static final TypeRef INT = TypeRef.primitive("int");
    private static final TypeRef LIST = TypeRef.classType("java.util.List");

    // --- plain classes ---

    @Test
    void sameClassIsAccepted() {
        assertAccepted(STRING, STRING);
    }

    @Test
    void subclassAndImplementedInterfaceAreAccepted() {
        assertAccepted(INTEGER, NUMBER);
        assertAccepted(STRING, CHAR_SEQUENCE);
    }

    @Test
    void unrelatedClassesAreAnErrorNamingBothMethodsBothTypesAndTheFix() {
        TopicGraph graph = graph(publisher("com.acme.Orders", "place", STRING), subscriber("com.acme.Mailer", "on", INTEGER));

        assertThat(graph.errors()).singleElement().asString()
                .isEqualTo("Topic \"t\": com.acme.Mailer#on(Integer) cannot accept what com.acme.Orders#place() "
                        + "publishes: the publisher's signals are java.lang.String but the subscriber accepts "
                        + "java.lang.Integer; change the @Subscribes parameter to java.lang.String or a supertype of "
                        + "it, change the publisher's return type, or use another topic");
        // the pair is wrong, not either method: both stay in the graph
        assertThat(graph.subscribers()).hasSize(1);
        assertThat(graph.publishers()).hasSize(1);
    }

    @Test
    void aNarrowerSubscriberIsAcceptedAsTheValueMayFitAtRunTime() {
        assertAccepted(NUMBER, INTEGER);
        assertAccepted(TypeRef.OBJECT, STRING);
    }

    @Test
    void objectSubscriberAcceptsAnything() {
        assertAccepted(TypeRef.classType("com.acme.Order"), TypeRef.OBJECT);
        assertAccepted(TypeRef.arrayOf(INT), TypeRef.OBJECT);
        assertAccepted(TypeRef.parameterized("java.util.List", List.of(STRING)), TypeRef.OBJECT);
    }

    @Test
    void classesTheHierarchyCannotSeeNeverFail() {
        assertAccepted(TypeRef.classType("com.acme.Order"), TypeRef.classType("com.acme.Invoice"));
        assertAccepted(STRING, TypeRef.classType("com.acme.Invoice"));
        assertAccepted(TypeRef.classType("com.acme.Order"), STRING);
    }

    @Test
    void noHierarchyAtAllNeverFailsOnClasses() {
        TopicGraph graph = TopicGraph.of(List.of(publisher("com.acme.A", "a", STRING), subscriber("com.acme.B", "b", INTEGER)),
                null, null);

        assertThat(graph.errors()).isEmpty();
    }

    // --- boxing ---

    @Test
    void primitiveReturnTypesAreBoxed() {
        assertAccepted(INT, INTEGER);
        assertAccepted(INT, NUMBER);
        assertAccepted(INT, TypeRef.OBJECT);
        assertAccepted(INT, INT);
        assertAccepted(INTEGER, INT);
    }

    @Test
    void boxedPrimitiveIsCheckedLikeItsBox() {
        assertRejected(INT, STRING, "the publisher's signals are java.lang.Integer", "accepts java.lang.String");
        assertRejected(INT, LONG, "the publisher's signals are java.lang.Integer", "accepts java.lang.Long");
        assertRejected(TypeRef.primitive("long"), INT, "java.lang.Long", "accepts int");
    }

    // --- Optional / CompletionStage / CompletableFuture / Uni ---

    @Test
    void optionalIsUnwrapped() {
        TypeRef optionalString = TypeRef.parameterized("java.util.Optional", List.of(STRING));

        assertAccepted(optionalString, STRING);
        assertAccepted(optionalString, CHAR_SEQUENCE);
        assertRejected(optionalString, INTEGER, "the publisher's signals are java.lang.String (it returns "
                + "java.util.Optional<java.lang.String>)", "change the @Subscribes parameter to java.lang.String");
    }

    @Test
    void completionStageAndCompletableFutureAreUnwrapped() {
        assertAccepted(TypeRef.parameterized("java.util.concurrent.CompletionStage", List.of(INTEGER)), NUMBER);
        assertRejected(TypeRef.parameterized("java.util.concurrent.CompletableFuture", List.of(STRING)), INTEGER,
                "(it returns java.util.concurrent.CompletableFuture<java.lang.String>)", "accepts java.lang.Integer");
    }

    @Test
    void mutinyUniIsUnwrappedByName() {
        TypeRef uni = TypeRef.parameterized("io.smallrye.mutiny.Uni", List.of(STRING));

        assertAccepted(uni, STRING);
        assertRejected(uni, INTEGER, "(it returns io.smallrye.mutiny.Uni<java.lang.String>)");
    }

    @Test
    void nestedWrappersAndWildcardArgumentsAreUnwrapped() {
        TypeRef nested = TypeRef.parameterized("java.util.concurrent.CompletionStage",
                List.of(TypeRef.parameterized("java.util.Optional", List.of(STRING))));
        TypeRef wildcard = TypeRef.parameterized("java.util.Optional", List.of(TypeRef.wildcardExtends(INTEGER)));

        assertAccepted(nested, STRING);
        assertRejected(nested, INTEGER, "the publisher's signals are java.lang.String");
        assertAccepted(wildcard, NUMBER);
        assertRejected(wildcard, STRING, "the publisher's signals are java.lang.Integer");
    }

    @Test
    void rawWrappersAreUnknownAndNeverFail() {
        assertAccepted(TypeRef.classType("java.util.Optional"), STRING);
        assertAccepted(TypeRef.classType("java.util.concurrent.CompletionStage"), STRING);
        assertAccepted(TypeRef.parameterized("java.util.Optional", List.of(TypeRef.wildcard())), STRING);
    }

    @Test
    void aCompletionStageImplementationIsNotCheckedAsItsValueTypeIsUnknownHere() {
        // CompletableFuture.MinimalStage: a CompletionStage other than the wrappers, known to the hierarchy
        assertAccepted(TypeRef.classType("java.util.concurrent.CompletableFuture$MinimalStage"), STRING);
    }

    // --- generics ---

    @Test
    void sameParameterizedTypeIsAccepted() {
        assertAccepted(list(STRING), list(STRING));
        TypeRef map = TypeRef.parameterized("java.util.Map", List.of(STRING, list(INTEGER)));
        assertAccepted(map, map);
    }

    @Test
    void differentTypeArgumentsOfTheSameRawTypeAreAnError() {
        assertRejected(list(STRING), list(INTEGER), "the publisher's signals are java.util.List<java.lang.String>",
                "accepts java.util.List<java.lang.Integer>",
                "change the @Subscribes parameter to java.util.List<java.lang.String> or a supertype of it");
        assertRejected(TypeRef.parameterized("java.util.Map", List.of(STRING, INTEGER)),
                TypeRef.parameterized("java.util.Map", List.of(STRING, LONG)), "java.util.Map<java.lang.String, java.lang.Long>");
    }

    @Test
    void typeArgumentsAreInvariant() {
        assertRejected(list(INTEGER), list(NUMBER), "accepts java.util.List<java.lang.Number>");
    }

    @Test
    void wildcardsAcceptWhatTheyContain() {
        assertAccepted(list(INTEGER), list(TypeRef.wildcardExtends(NUMBER)));
        assertAccepted(list(INTEGER), list(TypeRef.wildcard()));
        assertAccepted(list(NUMBER), list(TypeRef.wildcardSuper(INTEGER)));
        assertAccepted(list(TypeRef.OBJECT), list(TypeRef.wildcardSuper(INTEGER)));
        assertRejected(list(STRING), list(TypeRef.wildcardExtends(NUMBER)), "accepts java.util.List<? extends java.lang.Number>");
        assertRejected(list(STRING), list(TypeRef.wildcardSuper(INTEGER)), "accepts java.util.List<? super java.lang.Integer>");
    }

    @Test
    void nestedTypeArgumentsAreChecked() {
        assertRejected(list(list(STRING)), list(list(INTEGER)), "accepts java.util.List<java.util.List<java.lang.Integer>>");
        assertAccepted(list(list(INTEGER)), list(TypeRef.wildcardExtends(list(TypeRef.wildcardExtends(NUMBER)))));
    }

    @Test
    void rawTypesOnEitherSideAreUnchecked() {
        assertAccepted(list(STRING), LIST);
        assertAccepted(LIST, list(INTEGER));
    }

    @Test
    void differentRawTypesAreCheckedOnTheRawClassesOnly() {
        TypeRef arrayListOfString = TypeRef.parameterized("java.util.ArrayList", List.of(STRING));

        assertAccepted(arrayListOfString, list(INTEGER));
        assertRejected(list(STRING), TypeRef.parameterized("java.util.Set", List.of(STRING)), "accepts java.util.Set<java.lang.String>");
    }

    @Test
    void typeVariablesNeverFail() {
        TypeRef t = TypeRef.variable("T", List.of());
        TypeRef numberT = TypeRef.variable("T", List.of(NUMBER));

        assertAccepted(t, STRING);
        assertAccepted(STRING, t);
        assertAccepted(STRING, numberT);
        assertAccepted(list(t), list(STRING));
        assertAccepted(list(STRING), list(numberT));
    }

    // --- arrays ---

    @Test
    void arraysAreCovariantForClassesAndExactForPrimitives() {
        TypeRef strings = TypeRef.arrayOf(STRING);

        assertAccepted(strings, TypeRef.arrayOf(TypeRef.OBJECT));
        assertAccepted(strings, TypeRef.arrayOf(CHAR_SEQUENCE));
        assertAccepted(strings, TypeRef.classType("java.io.Serializable"));
        assertAccepted(TypeRef.arrayOf(INT), TypeRef.arrayOf(INT));
        assertRejected(strings, TypeRef.arrayOf(INTEGER), "accepts java.lang.Integer[]");
        assertRejected(TypeRef.arrayOf(INT), TypeRef.arrayOf(INTEGER), "the publisher's signals are int[]");
        assertRejected(strings, STRING, "accepts java.lang.String;");
        assertRejected(STRING, strings, "accepts java.lang.String[]");
    }

    // --- batches ---

    @Test
    void batchSubscriberAcceptsTheListElementType() {
        assertBatchAccepted(STRING, list(STRING));
        assertBatchAccepted(STRING, list(TypeRef.wildcardExtends(CHAR_SEQUENCE)));
        assertBatchAccepted(INT, list(NUMBER));
        assertBatchAccepted(STRING, LIST);
        // a List<? super Integer> may be a List<Object>, so anything fits
        assertBatchAccepted(STRING, list(TypeRef.wildcardSuper(INTEGER)));
    }

    @Test
    void batchElementMismatchIsAnErrorSuggestingTheList() {
        TopicGraph graph = graph(publisher("com.acme.Orders", "place", STRING),
                subscriber("com.acme.Store", "save", list(INTEGER), new BatchModel(10, "1s")));

        assertThat(graph.errors()).singleElement().asString()
                .startsWith("Topic \"t\": com.acme.Store#save(List<Integer>) cannot accept what com.acme.Orders#place()")
                .contains("the subscriber accepts batches of java.lang.Integer")
                .contains("change the @Subscribes parameter to java.util.List<java.lang.String> (or a List of a supertype)");
    }

    // --- several publishers and subscribers ---

    @Test
    void everyMismatchedPairIsReported() {
        TopicGraph graph = graph(
                publisher("com.acme.A", "strings", STRING),
                publisher("com.acme.A", "ints", INT),
                subscriber("com.acme.B", "numbers", NUMBER),
                subscriber("com.acme.B", "texts", CHAR_SEQUENCE),
                subscriber("com.acme.B", "all", TypeRef.OBJECT));

        assertThat(graph.errors()).hasSize(2);
        assertThat(graph.errors().get(0)).contains("com.acme.B#numbers(Number) cannot accept what com.acme.A#strings()");
        assertThat(graph.errors().get(1)).contains("com.acme.B#texts(CharSequence) cannot accept what com.acme.A#ints()");
    }

    @Test
    void topicsAreCheckedSeparately() {
        MethodModel publisher = new MethodModel("com.acme.A", "a", false, false, STRING, List.of(), "one", null, null);
        MethodModel subscriber = new MethodModel("com.acme.B", "b", false, false, TypeRef.VOID,
                List.of(new ParamModel(INTEGER, "two", 1)), null, null, null);

        assertThat(TopicGraph.of(List.of(publisher, subscriber), JDK, null).errors()).isEmpty();
    }

    @Test
    void invalidMethodsAreStillTypeChecked() {
        MethodModel privatePublisher = new MethodModel("com.acme.A", "a", true, false, STRING, List.of(), "t", null, null);

        assertThat(graph(privatePublisher, subscriber("com.acme.B", "b", INTEGER)).errors())
                .anySatisfy(error -> assertThat(error).contains("must not be private"))
                .anySatisfy(error -> assertThat(error).contains("com.acme.B#b(Integer) cannot accept what com.acme.A#a()"));
    }

    // --- helpers ---

    private static void assertAccepted(TypeRef published, TypeRef accepted) {
        TopicGraph graph = graph(publisher("com.acme.P", "publish", published), subscriber("com.acme.S", "receive", accepted));
        assertThat(graph.errors()).as("%s published, %s subscribed", published.display(), accepted.display()).isEmpty();
    }

    private static void assertBatchAccepted(TypeRef published, TypeRef listType) {
        TopicGraph graph = graph(publisher("com.acme.P", "publish", published),
                subscriber("com.acme.S", "receive", listType, new BatchModel(10, "1s")));
        assertThat(graph.errors()).as("%s published, batch %s subscribed", published.display(), listType.display())
                .isEmpty();
    }

    private static void assertRejected(TypeRef published, TypeRef accepted, String... fragments) {
        TopicGraph graph = graph(publisher("com.acme.P", "publish", published), subscriber("com.acme.S", "receive", accepted));
        assertThat(graph.errors()).as("%s published, %s subscribed", published.display(), accepted.display())
                .singleElement().asString()
                .startsWith("Topic \"t\": com.acme.S#receive(")
                .contains("cannot accept what com.acme.P#publish()")
                .contains(fragments);
    }

    private static TopicGraph graph(MethodModel... methods) {
        return TopicGraph.of(List.of(methods), JDK, null);
    }

    private static MethodModel publisher(String type, String name, TypeRef returnType) {
        return new MethodModel(type, name, false, false, returnType, List.of(), "t", null, null);
    }

    private static MethodModel subscriber(String type, String name, TypeRef parameter) {
        return subscriber(type, name, parameter, null);
    }

    private static MethodModel subscriber(String type, String name, TypeRef parameter, BatchModel batch) {
        return new MethodModel(type, name, false, false, TypeRef.VOID, List.of(new ParamModel(parameter, "t", 1)), null,
                batch, null);
    }

    private static TypeRef list(TypeRef element) {
        return TypeRef.parameterized("java.util.List", List.of(element));
    }
}
