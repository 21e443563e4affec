package dev.signalbus.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.Function;

import dev.signalbus.model.MethodModel.ParamModel;

/**
 * The validated topic graph of an application: every check of DESIGN.md's validation list that
 * does not need the container (injection points are the container's), done once for both front
 * doors. Build it with {@link #of}; report {@link #errors()} together as one deployment/build
 * failure and log {@link #warnings()}.
 * <p>
 * A method with any problem of its own (private, a bad duration, ...) is left out of
 * {@link #subscribers()}, {@link #periodics()} and {@link #publishers()}. A type mismatch between a
 * publisher and a subscriber is an error of the pair, so it leaves both entries in.
 *
 * <pre>{@code
 * TopicGraph graph = TopicGraph.of(methods, ReflectionModels.hierarchy(loader), config::value);
 * if (!graph.errors().isEmpty()) {
 *     fail(String.join("\n", graph.errors()));
 * }
 * }</pre>
 */
public final class TopicGraph {

    private static final Comparator<MethodModel> METHOD_ORDER = Comparator.comparing(MethodModel::declaringClass)
            .thenComparing(MethodModel::name).thenComparing(MethodModel::signature);

    private final List<String> errors;
    private final List<String> warnings;
    private final List<Subscriber> subscribers;
    private final List<Periodic> periodics;
    private final List<MethodModel> publishers;

    private TopicGraph(List<String> errors, List<String> warnings, List<Subscriber> subscribers,
            List<Periodic> periodics, List<MethodModel> publishers) {
        this.errors = List.copyOf(errors);
        this.warnings = List.copyOf(warnings);
        this.subscribers = List.copyOf(subscribers);
        this.periodics = List.copyOf(periodics);
        this.publishers = List.copyOf(publishers);
    }

    /**
     * Validates {@code methods} and builds the graph. All problems are collected, never only the
     * first.
     *
     * @param methods every bean method carrying @Publishes, a @Subscribes parameter,
     *        @Batch or @PeriodicTask
     * @param hierarchy subtype oracle on raw class names; {@code null} knows nothing
     * @param expressions resolves the key of a {@code ${key}} expression to its value, or returns
     *        {@code null} when it cannot be known now (Quarkus build time): such values are checked
     *        when the bus starts; {@code null} resolves nothing
     */
    public static TopicGraph of(Collection<MethodModel> methods, TypeHierarchy hierarchy,
            Function<String, String> expressions) {
        Objects.requireNonNull(methods, "methods");
        return new Builder(hierarchy == null ? (sub, sup) -> null : hierarchy, expressions).build(methods);
    }

    /** Problems that must fail the deployment/build, each naming {@code Class#method} and the fix. */
    public List<String> errors() {
        return errors;
    }

    /** Topics with publishers and no subscriber, or the reverse. */
    public List<String> warnings() {
        return warnings;
    }

    /** Valid subscriber methods, in a stable order (topic, then target). */
    public List<Subscriber> subscribers() {
        return subscribers;
    }

    /** Valid periodic task methods, in a stable order (target). */
    public List<Periodic> periodics() {
        return periodics;
    }

    /** Valid publisher methods, in a stable order (target). */
    public List<MethodModel> publishers() {
        return publishers;
    }

    /**
     * A subscriber method.
     *
     * @param method the method
     * @param signalIndex index of the {@code @Subscribes} parameter
     * @param topic its topic
     * @param signalClass boxed raw class name every signal must be an instance of (the element
     *        type for a batch); a type variable or {@code ? extends X} element is erased to its
     *        bound, an unbounded one or {@code ? super X} to {@code java.lang.Object}; arrays in
     *        {@code Class.forName} form ({@code "[Ljava.lang.String;"})
     * @param concurrency deliveries in flight at once
     * @param batchMaxSize {@code 0}, or the @Batch maxSize
     * @param batchMaxWait {@code null}, or the @Batch maxWait as written (may be an expression;
     *        parse it with {@link Durations#parse(String, Function)})
     * @param key {@code null} without {@code @Subscribes(key)}; otherwise how to read the key from
     *        a signal, or {@link KeyAccessor#UNKNOWN} if the signal class could not be inspected
     *        (the front door resolves it then, or fails)
     * @param keyName the key as written, {@code ""} for none
     */
    public record Subscriber(MethodModel method, int signalIndex, String topic, String signalClass,
            int concurrency, int batchMaxSize, String batchMaxWait, KeyAccessor key, String keyName) {
    }

    /**
     * A periodic task method.
     *
     * @param method the method
     * @param every as written (may be an expression)
     * @param delay as written (may be an expression)
     */
    public record Periodic(MethodModel method, String every, String delay) {
    }

    /** A publisher or subscriber whose types can be checked against the other side of its topic. */
    private record Typed(MethodModel method, TypeRef type, boolean batch) {
    }

    private static final class Builder {

        private final TypeCheck types;
        private final TypeHierarchy hierarchy;
        private final Function<String, String> expressions;
        private final List<String> errors = new ArrayList<>();
        private final List<Subscriber> subscribers = new ArrayList<>();
        private final List<Periodic> periodics = new ArrayList<>();
        private final List<MethodModel> publishers = new ArrayList<>();
        // topic -> methods, for the type check and the warnings; sorted by topic
        private final Map<String, List<Typed>> publishing = new TreeMap<>();
        private final Map<String, List<Typed>> subscribing = new TreeMap<>();
        private final Map<String, List<MethodModel>> publishingTopics = new TreeMap<>();
        private final Map<String, List<MethodModel>> subscribingTopics = new TreeMap<>();

        Builder(TypeHierarchy hierarchy, Function<String, String> expressions) {
            this.types = new TypeCheck(hierarchy);
            this.hierarchy = hierarchy;
            this.expressions = expressions;
        }

        TopicGraph build(Collection<MethodModel> methods) {
            List<MethodModel> sorted = new ArrayList<>(new LinkedHashSet<>(methods));
            sorted.sort(METHOD_ORDER);
            for (MethodModel method : sorted) {
                check(method);
            }
            checkTypes();
            subscribers.sort(Comparator.comparing(Subscriber::topic)
                    .thenComparing(subscriber -> subscriber.method(), METHOD_ORDER));
            return new TopicGraph(errors, warnings(), subscribers, periodics, publishers);
        }

        private void check(MethodModel method) {
            List<String> problems = new ArrayList<>();
            String where = method.signature();
            List<Integer> signals = new ArrayList<>();
            for (int i = 0; i < method.parameters().size(); i++) {
                if (method.parameters().get(i).subscribesTopic() != null) {
                    signals.add(i);
                }
            }
            String roles = roles(method, !signals.isEmpty());

            if (signals.size() > 1) {
                problems.add(where + " has @Subscribes on " + signals.size() + " parameters (" + positions(signals)
                        + "): a subscriber method receives the signals of one topic; keep @Subscribes on one "
                        + "parameter and move each other topic to a subscriber method of its own");
            }
            if (!roles.isEmpty() && method.isPrivate()) {
                problems.add(where + " is a " + roles + " method and must not be private: Signal Bus calls it "
                        + "through the container, which cannot call private methods; make it package-private, "
                        + "protected or public");
            }
            if (!roles.isEmpty() && method.isStatic()) {
                problems.add(where + " is a " + roles + " method and must not be static: Signal Bus calls it on "
                        + "the bean instance, so that interceptors and injection apply; make it an instance method");
            }
            TypeRef signalType = method.publishesTopic() == null ? null : checkPublisher(method, where, problems);
            for (int index : signals) {
                checkSubscribes(where, index, method.parameters().get(index), problems);
            }
            if (method.batch() != null) {
                checkBatch(method, where, signals, problems);
            }
            if (method.periodic() != null) {
                checkPeriodic(method, where, !signals.isEmpty(), problems);
            }
            if (method.publishesTopic() != null && !method.publishesTopic().isBlank()) {
                publishingTopics.computeIfAbsent(method.publishesTopic(), topic -> new ArrayList<>()).add(method);
                if (signalType != null) {
                    publishing.computeIfAbsent(method.publishesTopic(), topic -> new ArrayList<>())
                            .add(new Typed(method, signalType, false));
                }
            }
            TypeRef accepted = null;
            KeyAccessor key = null;
            if (signals.size() == 1) {
                ParamModel signal = method.parameters().get(signals.get(0));
                accepted = method.batch() == null ? signal.type() : TypeCheck.listElement(signal.type());
                key = checkKey(method, where, signal, accepted, problems);
                if (!signal.subscribesTopic().isBlank()) {
                    subscribingTopics.computeIfAbsent(signal.subscribesTopic(), topic -> new ArrayList<>())
                            .add(method);
                    if (accepted != null) {
                        subscribing.computeIfAbsent(signal.subscribesTopic(), topic -> new ArrayList<>())
                                .add(new Typed(method, accepted, method.batch() != null));
                    }
                }
            }
            errors.addAll(problems);
            if (!problems.isEmpty()) {
                return;
            }
            if (accepted != null) {
                int index = signals.get(0);
                ParamModel signal = method.parameters().get(index);
                subscribers.add(new Subscriber(method, index, signal.subscribesTopic(), accepted.erasure(),
                        signal.concurrency(), method.batch() == null ? 0 : method.batch().maxSize(),
                        method.batch() == null ? null : method.batch().maxWait(), key, signal.key()));
            }
            if (method.periodic() != null) {
                periodics.add(new Periodic(method, method.periodic().every(), method.periodic().delay()));
            }
            if (method.publishesTopic() != null) {
                publishers.add(method);
            }
        }

        /** @return the signal type, {@code null} if it publishes nothing */
        private TypeRef checkPublisher(MethodModel method, String where, List<String> problems) {
            if (method.publishesTopic().isBlank()) {
                problems.add(where + " has @Publishes with a blank topic: name the topic, e.g. "
                        + "@Publishes(\"orders\")");
            }
            TypeRef signalType = types.signalType(method.returnType());
            if (signalType == null) {
                problems.add(where + " is a @Publishes method but returns " + method.returnType().display()
                        + ", so it can never publish a signal: return the signal (e.g. Order, Optional<Order> or "
                        + "CompletionStage<Order>), or remove @Publishes");
            }
            return signalType;
        }

        private void checkSubscribes(String where, int index, ParamModel parameter, List<String> problems) {
            if (parameter.subscribesTopic().isBlank()) {
                problems.add(where + " has @Subscribes with a blank topic on parameter " + index
                        + ": name the topic, e.g. @Subscribes(\"orders\")");
            }
            if (parameter.concurrency() < 1) {
                problems.add(where + " has @Subscribes(concurrency = " + parameter.concurrency()
                        + ") on parameter " + index + ": it must be at least 1 (1 delivers in publish order, "
                        + "N > 1 delivers up to N signals at once)");
            }
        }

        /** @return how to read the key, {@code null} without a key or with a problem */
        private KeyAccessor checkKey(MethodModel method, String where, ParamModel signal, TypeRef accepted,
                List<String> problems) {
            String key = signal.key();
            if (key.isEmpty()) {
                return null;
            }
            if (method.batch() != null) {
                problems.add(where + " has @Subscribes(key = \"" + key + "\") and @Batch: a batch mixes keys, so it "
                        + "cannot keep per-key order; remove the key, or remove @Batch and receive one signal at a time");
                return null;
            }
            if (key.isBlank() || !Character.isJavaIdentifierStart(key.charAt(0))
                    || !key.chars().allMatch(Character::isJavaIdentifierPart)) {
                problems.add(where + " has @Subscribes(key = \"" + key + "\"), which is not a Java name: name an "
                        + "accessor of the signal type, e.g. key = \"customerId\" for customerId(), "
                        + "getCustomerId() or a public field customerId");
                return null;
            }
            if (accepted == null) {
                return null;
            }
            String type = accepted.erasure();
            KeyAccessor accessor = hierarchy.keyAccessor(type, key);
            if (accessor == null) {
                String[] names = KeyAccessor.methodNames(key);
                problems.add(where + " has @Subscribes(key = \"" + key + "\"), but its signal type " + type
                        + " has no public " + names[0] + "(), " + names[1] + "(), " + names[2] + "() or field " + key
                        + " declared in a public class: add such an accessor (a record component of a public record "
                        + "works), or name one the type has");
                return null;
            }
            return accessor;
        }

        private void checkBatch(MethodModel method, String where, List<Integer> signals, List<String> problems) {
            if (signals.isEmpty()) {
                problems.add(where + " has @Batch but no @Subscribes parameter: add @Subscribes(\"topic\") to a "
                        + "java.util.List<T> parameter, or remove @Batch");
            } else if (signals.size() == 1) {
                TypeRef type = method.parameters().get(signals.get(0)).type();
                if (TypeCheck.listElement(type) == null) {
                    String element = type.kind() == TypeRef.Kind.PRIMITIVE ? type.erasure() : type.display();
                    problems.add(where + " has @Batch, so its @Subscribes parameter must be a java.util.List, but "
                            + "it is " + type.display() + ": change it to java.util.List<" + element
                            + ">, or remove @Batch");
                }
            }
            if (method.batch().maxSize() < 1) {
                problems.add(where + " has @Batch(maxSize = " + method.batch().maxSize()
                        + "): it must be at least 1; a batch never holds more signals than maxSize");
            }
            checkDuration(where, "@Batch(maxWait = \"" + method.batch().maxWait() + "\")", method.batch().maxWait(),
                    true, problems);
        }

        private void checkPeriodic(MethodModel method, String where, boolean subscribes, List<String> problems) {
            if (subscribes) {
                problems.add(where + " is a @PeriodicTask method with a @Subscribes parameter: the scheduler "
                        + "calls it with no signal (every parameter of a periodic task is an injection point); "
                        + "move the @Subscribes parameter to a subscriber method of its own");
            }
            checkDuration(where, "@PeriodicTask(every = \"" + method.periodic().every() + "\")",
                    method.periodic().every(), true, problems);
            checkDuration(where, "@PeriodicTask(delay = \"" + method.periodic().delay() + "\")",
                    method.periodic().delay(), false, problems);
        }

        private void checkDuration(String where, String written, String text, boolean positive,
                List<String> problems) {
            Duration duration;
            try {
                duration = Durations.parse(text, expressions);
            } catch (IllegalArgumentException e) {
                problems.add(where + " has " + written + ", which is not a valid duration: " + e.getMessage());
                return;
            }
            // null: an expression whose value is not known yet; checked when the bus starts
            if (duration != null && positive && duration.isZero()) {
                problems.add(where + " has " + written + ": it must be positive, e.g. \"500ms\" or \"5s\"");
            }
        }

        private void checkTypes() {
            for (Map.Entry<String, List<Typed>> topic : subscribing.entrySet()) {
                List<Typed> publishedBy = publishing.getOrDefault(topic.getKey(), List.of());
                for (Typed subscriber : topic.getValue()) {
                    for (Typed publisher : publishedBy) {
                        if (types.accepts(publisher.type(), subscriber.type()) == TypeCheck.Result.NO) {
                            errors.add(mismatch(topic.getKey(), publisher, subscriber));
                        }
                    }
                }
            }
        }

        private static String mismatch(String topic, Typed publisher, Typed subscriber) {
            TypeRef returned = publisher.method().returnType();
            String published = publisher.type().display();
            StringBuilder message = new StringBuilder("Topic \"").append(topic).append("\": ")
                    .append(subscriber.method().signature()).append(" cannot accept what ")
                    .append(publisher.method().signature()).append(" publishes: the publisher's signals are ")
                    .append(published);
            if (!returned.display().equals(published)) {
                message.append(" (it returns ").append(returned.display()).append(')');
            }
            message.append(" but the subscriber accepts ");
            if (subscriber.batch()) {
                message.append("batches of ").append(subscriber.type().display())
                        .append("; change the @Subscribes parameter to java.util.List<").append(published)
                        .append("> (or a List of a supertype)");
            } else {
                message.append(subscriber.type().display()).append("; change the @Subscribes parameter to ")
                        .append(published).append(" or a supertype of it");
            }
            return message.append(", change the publisher's return type, or use another topic").toString();
        }

        private List<String> warnings() {
            List<String> warnings = new ArrayList<>();
            for (Map.Entry<String, List<MethodModel>> topic : publishingTopics.entrySet()) {
                if (!subscribingTopics.containsKey(topic.getKey())) {
                    warnings.add("Topic \"" + topic.getKey() + "\" has publishers (" + names(topic.getValue())
                            + ") but no subscriber: its signals are accepted and counted as unrouted, never "
                            + "delivered; add a @Subscribes(\"" + topic.getKey() + "\") parameter to a bean "
                            + "method, or check the topic name for a typo");
                }
            }
            for (Map.Entry<String, List<MethodModel>> topic : subscribingTopics.entrySet()) {
                if (!publishingTopics.containsKey(topic.getKey())) {
                    warnings.add("Topic \"" + topic.getKey() + "\" has subscribers (" + names(topic.getValue())
                            + ") but no @Publishes method: this is fine if the application publishes with "
                            + "SignalBus.publish(\"" + topic.getKey() + "\", signal) or the topic has an incoming "
                            + "channel from a broker (topics.\"" + topic.getKey() + "\".incoming); otherwise check the "
                            + "topic name for a typo");
                }
            }
            return warnings;
        }

        private static String roles(MethodModel method, boolean subscribes) {
            StringJoiner roles = new StringJoiner("/");
            if (subscribes) {
                roles.add("@Subscribes");
            }
            if (method.periodic() != null) {
                roles.add("@PeriodicTask");
            }
            if (method.publishesTopic() != null) {
                roles.add("@Publishes");
            }
            return roles.toString();
        }

        private static String positions(List<Integer> indexes) {
            StringJoiner joiner = new StringJoiner(", ");
            for (int index : indexes) {
                joiner.add("#" + index);
            }
            return joiner.toString();
        }

        private static String names(List<MethodModel> methods) {
            StringJoiner joiner = new StringJoiner(", ");
            for (MethodModel method : methods) {
                joiner.add(method.signature());
            }
            return joiner.toString();
        }
    }
}
