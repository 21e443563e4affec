package dev.signalbus.it.jee;

/**
 * The signal of the first example: what {@link FooPublisher} publishes to topic {@code "foo"}.
 *
 * @param message the text it carries
 */
public record Message(String message) {
}
