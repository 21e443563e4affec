package dev.signalbus.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;

import dev.signalbus.model.Durations;

/**
 * The one step from a method the topic graph validated to the engine's spec, taken by both front doors: it resolves
 * the durations of the method's annotations (a {@code ${key}} expression through the container's configuration) and
 * adds each problem, naming the method, to the list the front door reports together. Internal.
 * <p>
 * A front door passes {@code null} for the invoker or the signal type when it has already added a problem about it;
 * the durations are still checked, so that every problem of the application is reported at once.
 */
public final class Specs {

    private final Function<String, String> expressions;
    private final String howToSet;
    private final List<String> problems;

    /**
     * @param expressions the value of a configuration key, or {@code null} when it is not set
     * @param howToSet where the user sets a key, for the message of an unset one (e.g. "set it in
     *        application.properties")
     * @param problems where problems are added
     */
    public Specs(Function<String, String> expressions, String howToSet, List<String> problems) {
        this.expressions = Objects.requireNonNull(expressions, "expressions");
        this.howToSet = Objects.requireNonNull(howToSet, "howToSet");
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    /**
     * A subscriber's spec.
     *
     * @param method the method's signature, for messages ({@code Class#method(Type)})
     * @param target the method's name in the engine ({@code Class#method})
     * @return the spec, or {@code null} when this or an earlier step found a problem
     */
    public SubscriberSpec subscriber(String method, String topic, String target, Class<?> signalType, int concurrency,
            int batchMaxSize, String batchMaxWait, SubscriberInvoker invoker, Function<Object, Object> key) {
        Duration maxWait = null;
        if (batchMaxSize > 0) {
            maxWait = Durations.resolve(method, "@Batch(maxWait)", batchMaxWait, expressions, howToSet, problems);
            if (maxWait == null) {
                return null;
            }
        }
        if (invoker == null || signalType == null) {
            return null;
        }
        return new SubscriberSpec(topic, target, signalType, concurrency, batchMaxSize, maxWait, invoker, key);
    }

    /**
     * A periodic task's spec.
     *
     * @param method the method's signature, for messages
     * @param target the method's name in the engine
     * @return the spec, or {@code null} when this or an earlier step found a problem
     */
    public PeriodicSpec periodic(String method, String target, String every, String delay, Callable<?> task) {
        Duration period = Durations.resolve(method, "@PeriodicTask(every)", every, expressions, howToSet, problems);
        Duration initialDelay = Durations.resolve(method, "@PeriodicTask(delay)", delay, expressions, howToSet,
                problems);
        if (period == null || initialDelay == null || task == null) {
            return null;
        }
        return new PeriodicSpec(target, period, initialDelay, task);
    }
}
