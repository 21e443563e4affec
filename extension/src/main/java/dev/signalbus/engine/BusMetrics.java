package dev.signalbus.engine;

import java.util.function.IntSupplier;

/**
 * What the engine tells a metrics system, without depending on one: a front door passes an
 * implementation to {@link SignalBusEngine.Builder#metrics(BusMetrics)} (the Micrometer one is
 * {@code dev.signalbus.metrics.MicrometerBusMetrics}). The engine asks for one handle per topic,
 * subscriber and periodic task when it is built (and per topic without subscribers when the first
 * signal reaches it) and calls the handles on its hot paths; they must be cheap and never throw.
 * <p>
 * Without metrics ({@link #NONE}, the default) the engine holds no handle, takes no time stamp and
 * allocates nothing for metrics: every call site is behind one {@code null} check.
 * <pre>{@code
 * SignalBusEngine engine = SignalBusEngine.builder()
 *         .executor(executor)
 *         .metrics(new BusMetrics() {
 *             public Topic topic(String topic) { return new CountingTopic(topic); }
 *             public Subscriber subscriber(String topic, String target, IntSupplier depth) { ... }
 *             public Periodic periodic(String target) { ... }
 *         })
 *         .build();
 * }</pre>
 */
public interface BusMetrics {

    /** No metrics: the engine skips every measurement. */
    BusMetrics NONE = new BusMetrics() {
        @Override
        public Topic topic(String topic) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Subscriber subscriber(String topic, String target, IntSupplier queueDepth) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Periodic periodic(String target) {
            throw new UnsupportedOperationException();
        }
    };

    /**
     * The name the engine passes to {@link #topic} for all topics without subscribers beyond the
     * first {@link SignalBusEngine#MAX_UNROUTED_TOPICS}: topics named at run time never make more
     * handles (and tag values) than that.
     */
    String OTHER_TOPICS = "other";

    /**
     * A topic's handle. Called once per topic that has subscribers, when the engine is built, and
     * once per topic without subscribers (at most {@link SignalBusEngine#MAX_UNROUTED_TOPICS}, then
     * {@link #OTHER_TOPICS}) when its first signal arrives.
     */
    Topic topic(String topic);

    /**
     * A subscriber's handle, once per subscriber method when the engine is built.
     *
     * @param target {@code "com.acme.Foo#bar"}
     * @param queueDepth the signals in its queue now (not those being delivered)
     */
    Subscriber subscriber(String topic, String target, IntSupplier queueDepth);

    /** A periodic task's handle, once per task when the engine is built. */
    Periodic periodic(String target);

    /**
     * Called once when the engine has stopped (after its drain): an implementation removes what it
     * registered, so that a new engine (a redeployment, a dev-mode reload) starts from zero.
     */
    default void close() {
    }

    /** Counts of one topic. */
    interface Topic {

        /** A signal was accepted for the topic (delivered to its subscribers, or counted as unrouted). */
        void published();

        /** A signal was accepted for the topic, which has no subscriber. Follows {@link #published()}. */
        void unrouted();

        /**
         * A publish to the topic was refused because a subscriber's queue was full: past
         * {@code publish-timeout}, at once on a thread that must not block, or in a cycle of full queues.
         */
        void rejected();
    }

    /** Timings of one subscriber method. */
    interface Subscriber {

        /** A signal waited this long between its publish and the start of its delivery (once per signal of a batch). */
        void queued(long nanos);

        /**
         * A delivery (one signal, or one batch) took this long, until the method returned or its
         * {@code CompletionStage} completed.
         *
         * @param success {@code false} if it threw, completed exceptionally or the signal's type did not fit
         */
        void delivered(long nanos, boolean success);
    }

    /** Timings of one periodic task. */
    interface Periodic {

        /** A run took this long (until its {@code CompletionStage} completed, if it returned one). */
        void ran(long nanos, boolean success);
    }
}
