package dev.signalbus.it.weld;

/** The signal of topic {@code orders}: numbered, so that the tests can count deliveries by id. */
public record Order(long id, String payload) {
}
