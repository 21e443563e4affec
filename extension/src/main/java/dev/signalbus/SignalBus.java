package dev.signalbus;

import java.time.Duration;

import jakarta.enterprise.event.TransactionPhase;

/**
 * The bus, as an {@code @ApplicationScoped} bean: publish programmatically and wait for
 * deliveries, for example in tests.
 *
 * <pre>{@code
 * @Inject SignalBus bus;
 *
 * void test() {
 *     bus.publish("orders", new Order("book"));
 *     assertTrue(bus.awaitIdle(Duration.ofSeconds(5)));
 * }
 * }</pre>
 */
public interface SignalBus {

    /**
     * Publishes a signal to every subscriber of the topic, with the same semantics as a
     * {@link Publishes} method's return value: {@code null} and an empty
     * {@link java.util.Optional} publish nothing, an {@code Optional} publishes its value, a
     * {@link java.util.concurrent.CompletionStage} its value once it completes normally. Inside a
     * JTA transaction it is published once the transaction commits, as
     * {@code publish(topic, signal, TransactionPhase.AFTER_SUCCESS)}.
     *
     * @throws IllegalStateException after the bus has stopped, or when a subscriber's queue
     *         stays full past {@code publish-timeout} (the message names topic and subscriber),
     *         or at once when no room can come (the caller is a delivery that, with the others
     *         that could make room, publishes into full queues in a cycle, and the queue holds
     *         twice its capacity already)
     * @throws IllegalArgumentException when {@code topic} is blank
     */
    void publish(String topic, Object signal);

    /**
     * Publishes a signal as {@link #publish(String, Object)} does, at the given phase of the JTA
     * transaction active on this thread, as {@link Publishes#during()} describes; without an
     * active transaction, at once.
     *
     * <pre>{@code
     * bus.publish("audit", entry, TransactionPhase.IN_PROGRESS);  // now, even inside a transaction
     * }</pre>
     *
     * @throws IllegalStateException as {@link #publish(String, Object)}; for a held signal only
     *         if the bus has stopped already (later problems become {@link SignalFailure}s)
     * @throws IllegalArgumentException when {@code topic} is blank
     */
    void publish(String topic, Object signal, TransactionPhase during);

    /**
     * Waits until every queue is empty and no delivery or periodic run is in flight.
     *
     * @param timeout any duration; one too long to count in nanoseconds waits without end, zero
     *        or a negative one only looks
     *
     * @return {@code true} once idle, {@code false} if the timeout elapsed first
     */
    boolean awaitIdle(Duration timeout);
}
