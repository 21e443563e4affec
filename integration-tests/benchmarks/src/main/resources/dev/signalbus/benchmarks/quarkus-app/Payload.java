package bench;

/** The one signal type of every peer, as in the Weld SE benchmarks: small, immutable, passed by reference. */
public final class Payload {

    public final long sequence;
    public final long publishedAt;

    public Payload(long sequence, long publishedAt) {
        this.sequence = sequence;
        this.publishedAt = publishedAt;
    }

    @Override
    public String toString() {
        return "Payload#" + sequence;
    }
}
