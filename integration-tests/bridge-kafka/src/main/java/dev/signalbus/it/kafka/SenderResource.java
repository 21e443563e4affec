package dev.signalbus.it.kafka;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The sender's controls: publish a numbered run from a thread of its own, or one traced order. */
@Path("/sender")
@Produces(MediaType.TEXT_PLAIN)
public class SenderResource {

    @Inject
    OrderPublisher publisher;

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>("");
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long startedNanos;
    private volatile long elapsedNanos;

    /** Publishes ids {@code from} .. {@code from + count - 1} as fast as the bus takes them, and returns at once. */
    @POST
    @Path("/send")
    public String send(@QueryParam("count") long count, @QueryParam("from") long from,
            @QueryParam("payload") String payload) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("a run is going on");
        }
        String body = payload == null ? "" : payload;
        sent.set(0);
        errors.set(0);
        startedNanos = System.nanoTime();
        elapsedNanos = 0;
        Thread worker = new Thread(() -> {
            try {
                for (long id = from; id < from + count; id++) {
                    try {
                        publisher.publish(id, body);
                        sent.incrementAndGet();
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                        lastError.set(id + ": " + e);
                    }
                }
            } finally {
                elapsedNanos = System.nanoTime() - startedNanos;
                running.set(false);
            }
        }, "sender");
        worker.start();
        return "started";
    }

    @GET
    @Path("/status")
    public String status() {
        return "sent=" + sent.get() + "\nerrors=" + errors.get() + "\nrunning=" + running.get()
                + "\nelapsedMillis=" + elapsedNanos / 1_000_000 + "\nlastError=" + lastError.get().replace('\n', ' ')
                + "\n";
    }

    /** Publishes one order with payload {@code trace} on this request's thread; returns the trace id seen there. */
    @POST
    @Path("/send-traced")
    public String sendTraced(@QueryParam("id") long id) {
        publisher.publish(id, "trace");
        return publisher.traceId(id);
    }
}
