package dev.signalbus.engine;

import java.util.List;

/**
 * What the engine tells a tracing system, without depending on one: a front door passes an
 * implementation to {@link SignalBusEngine.Builder#tracing(BusTracing)} (the OpenTelemetry one is
 * {@code dev.signalbus.tracing.OpenTelemetryBusTracing}). At each publish the engine asks for the
 * publisher's context, keeps it with the signal, and hands it back when the signal is delivered.
 * <p>
 * Without tracing ({@link #NONE}, the default) nothing is captured and nothing travels with a
 * signal: every call site is behind one {@code null} check.
 * <pre>{@code
 * SignalBusEngine engine = SignalBusEngine.builder()
 *         .executor(executor)
 *         .tracing(OpenTelemetryBusTracing.of(openTelemetry))
 *         .build();
 * }</pre>
 */
public interface BusTracing {

    /** No tracing: the engine captures nothing. */
    BusTracing NONE = new BusTracing() {
        @Override
        public Object capture() {
            return null;
        }

        @Override
        public Traced delivery(String topic, String target, Object context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Traced batch(String topic, String target, List<Object> contexts) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Traced run(String target) {
            throw new UnsupportedOperationException();
        }
    };

    /**
     * On the publishing thread, once per publish to a topic with subscribers.
     *
     * @return what travels with the signal to its deliveries, e.g. the current trace context; may be {@code null}
     */
    Object capture();

    /**
     * On the delivering thread, right before a subscriber is called: starts the delivery's span and
     * makes it current until {@link Traced#detach()}.
     *
     * @param context what {@link #capture()} returned when the signal was published
     */
    Traced delivery(String topic, String target, Object context);

    /** Like {@link #delivery} for a batch: {@code contexts} holds one captured context per signal. */
    Traced batch(String topic, String target, List<Object> contexts);

    /** On the scheduler's thread, right before a periodic task runs; its own trace. */
    Traced run(String target);

    /** One delivery or run in progress. */
    interface Traced {

        /** On the thread that started it, once the method has returned: the span is no longer current there. */
        void detach();

        /**
         * Once the delivery or run has finished, maybe on another thread (a {@code CompletionStage} result).
         *
         * @param failure what it threw or completed with (unwrapped from {@code CompletionException}),
         *        or {@code null} on success
         */
        void end(Throwable failure);
    }
}
