package dev.signalbus.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import dev.signalbus.SignalBus;
import dev.signalbus.SignalFailure;

/**
 * The engine shared by both front doors: topics, one bounded queue per subscriber, dispatch as
 * tasks on an executor, periodic runs, and the drain. Plain Java, no container types.
 * <p>
 * Life cycle: {@link #builder()} ... {@code build()} (publishing is accepted from then on and kept
 * until start), {@link #start()}, {@link #shutdown()} (drains; publishing throws afterwards).
 */
public final class SignalBusEngine implements SignalBus {

    // IMPLEMENTATION IN PROGRESS

    public static Builder builder() {
        return new Builder();
    }

    /** Starts delivering (including what was published before) and schedules periodic tasks. */
    public void start() {
        throw new UnsupportedOperationException("in progress");
    }

    @Override
    public void publish(String topic, Object signal) {
        throw new UnsupportedOperationException("in progress");
    }

    @Override
    public boolean awaitIdle(Duration timeout) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Drains: stops periodic tasks (running ones finish), delivers everything queued, including
     * signals published while draining, within the shutdown timeout; then stops. Idempotent.
     */
    public DrainReport shutdown() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Whether {@link #shutdown()} has completed: publishing throws. */
    public boolean isStopped() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Signals published to {@code topic} while it had no subscriber. */
    public long unrouted(String topic) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Builds an engine. Every setter is optional except the executor. */
    public static final class Builder {
        BusConfig config = BusConfig.defaults();
        Executor executor;
        PeriodicScheduler scheduler;
        Consumer<SignalFailure> failureHandler = f -> {
        };
        BooleanSupplier blockingAllowed = () -> true;
        final List<SubscriberSpec> subscribers = new ArrayList<>();
        final List<PeriodicSpec> periodics = new ArrayList<>();

        public Builder config(BusConfig config) {
            this.config = Objects.requireNonNull(config);
            return this;
        }

        /** Runs deliveries; the container's managed executor. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor);
            return this;
        }

        /** Schedules periodic tasks; required only if there are some. */
        public Builder scheduler(PeriodicScheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler);
            return this;
        }

        /** Called on the delivering thread after a failure was logged, e.g. to fire a CDI event. */
        public Builder failureHandler(Consumer<SignalFailure> failureHandler) {
            this.failureHandler = Objects.requireNonNull(failureHandler);
            return this;
        }

        /**
         * Tells whether the calling thread may block; a publisher that may not (an event loop) gets
         * an exception at once when a queue is full instead of waiting.
         */
        public Builder blockingAllowed(BooleanSupplier blockingAllowed) {
            this.blockingAllowed = Objects.requireNonNull(blockingAllowed);
            return this;
        }

        public Builder subscriber(SubscriberSpec subscriber) {
            subscribers.add(Objects.requireNonNull(subscriber));
            return this;
        }

        public Builder periodic(PeriodicSpec periodic) {
            periodics.add(Objects.requireNonNull(periodic));
            return this;
        }

        public SignalBusEngine build() {
            throw new UnsupportedOperationException("in progress");
        }
    }
}
