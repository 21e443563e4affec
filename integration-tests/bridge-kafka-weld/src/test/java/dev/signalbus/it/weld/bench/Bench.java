package dev.signalbus.it.weld.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import dev.signalbus.it.weld.Order;

/** One side of the comparison: sends orders through Kafka and counts them back. */
public abstract class Bench {

    private final AtomicLong received = new AtomicLong();
    private volatile long target = Long.MAX_VALUE;
    private volatile CompletableFuture<Void> reached = new CompletableFuture<>();

    /** Sends one order towards Kafka. */
    public abstract Order send(long id) throws Exception;

    abstract String mode();

    void received(Order order) {
        if (received.incrementAndGet() == target) {
            reached.complete(null);
        }
    }

    /** Arms the count for {@code more} orders from now on; the future completes when they have all arrived. */
    CompletableFuture<Void> expect(long more) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        reached = done;
        target = received.get() + more;
        if (received.get() >= target) {
            done.complete(null);
        }
        return done;
    }

    long received() {
        return received.get();
    }
}
