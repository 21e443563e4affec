package dev.signalbus.benchmarks;

/**
 * One running bus with {@code n} subscribers on one topic, each calling the {@link Delivery} it was
 * opened with. {@link #close()} stops it and its threads.
 */
interface Peer extends AutoCloseable {

    /** Hands one signal to every subscriber; returns once the bus has accepted it. */
    void publish(Payload payload);

    @Override
    void close();
}
