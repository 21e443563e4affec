package dev.signalbus.model;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The validated topic graph of an application: every check of DESIGN.md's validation list that
 * does not need the container (injection points are the container's), done once for both front
 * doors. Build it with {@link #of}; report {@link #errors()} together as one deployment/build
 * failure and log {@link #warnings()}.
 */
public final class TopicGraph {

    // IMPLEMENTATION IN PROGRESS (see the helper task)

    /**
     * @param methods every bean method carrying @Publishes, a @Subscribes parameter,
     *        @Batch or @PeriodicTask
     * @param hierarchy subtype oracle on raw class names
     * @param expressions resolves the key of a {@code ${key}} expression to its value, or returns
     *        {@code null} when it cannot be known now (Quarkus build time): such values are checked
     *        when the bus starts
     */
    public static TopicGraph of(Collection<MethodModel> methods, TypeHierarchy hierarchy,
            Function<String, String> expressions) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Problems that must fail the deployment/build, each naming {@code Class#method} and the fix. */
    public List<String> errors() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Topics with publishers and no subscriber, or the reverse. */
    public List<String> warnings() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Valid subscriber methods, in a stable order (topic, then target). */
    public List<Subscriber> subscribers() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Valid periodic task methods, in a stable order (target). */
    public List<Periodic> periodics() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Valid publisher methods, in a stable order (target). */
    public List<MethodModel> publishers() {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * A subscriber method.
     *
     * @param method the method
     * @param signalIndex index of the {@code @Subscribes} parameter
     * @param topic its topic
     * @param signalClass boxed raw class name every signal must be an instance of (the element
     *        type for a batch)
     * @param concurrency deliveries in flight at once
     * @param batchMaxSize {@code 0}, or the @Batch maxSize
     * @param batchMaxWait {@code null}, or the @Batch maxWait as written (may be an expression;
     *        parse it with {@link Durations#parse(String, Function)})
     */
    public record Subscriber(MethodModel method, int signalIndex, String topic, String signalClass,
            int concurrency, int batchMaxSize, String batchMaxWait) {
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
}
