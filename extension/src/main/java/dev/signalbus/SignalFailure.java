package dev.signalbus;

/**
 * Fired as a CDI event, synchronously on the delivering thread, whenever a subscriber or a
 * periodic task fails. Observe it to log, count, retry or dead-letter.
 *
 * <pre>{@code
 * void onFailure(@Observes SignalFailure failure, DeadLetters deadLetters) {
 *     deadLetters.store(failure.topic(), failure.signal(), failure.failure());
 * }
 * }</pre>
 *
 * @param topic the topic, {@code null} for a periodic task
 * @param target the failing method, {@code "com.acme.Foo#bar"}
 * @param signal the signal, a {@link java.util.List} for a batch, {@code null} for a periodic task
 * @param failure what was thrown (or the exceptional completion of an async result)
 */
public record SignalFailure(String topic, String target, Object signal, Throwable failure) {
}
