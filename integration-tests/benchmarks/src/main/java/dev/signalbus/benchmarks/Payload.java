package dev.signalbus.benchmarks;

/**
 * The one signal type every peer carries: small and immutable, like a typical domain event.
 * {@code publishedAt} is the {@link System#nanoTime()} just before the publish call (latency runs);
 * throughput runs publish pre-allocated instances so that no peer pays for an allocation.
 */
public final class Payload {

    final long sequence;
    final long publishedAt;

    public Payload(long sequence, long publishedAt) {
        this.sequence = sequence;
        this.publishedAt = publishedAt;
    }

    @Override
    public String toString() {
        return "Payload#" + sequence;
    }
}
