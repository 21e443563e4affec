package dev.signalbus.benchmarks;

/** What every subscriber of every peer does first when a signal reaches it. */
@FunctionalInterface
interface Delivery {

    /**
     * @param subscriber the index of the subscriber, {@code 0 .. subscribers - 1}
     * @param payload the signal
     */
    void delivered(int subscriber, Payload payload);
}
