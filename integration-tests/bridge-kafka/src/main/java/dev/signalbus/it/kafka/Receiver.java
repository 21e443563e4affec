package dev.signalbus.it.kafka;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.signalbus.Subscribes;
import io.opentelemetry.api.trace.Span;

/**
 * The receiver's subscribers. {@link #deliver} appends each id to this instance's file with one unbuffered write,
 * so that a SIGKILL loses nothing it wrote; it can be made slow ({@code app.slow-millis}) and can publish a receipt
 * per order ({@code app.receipts}). {@link #arrive} only counts: it runs as soon as the bridge publishes, so that
 * arrivals minus {@link #deliver}'s starts is the slow subscriber's queue depth (case 5).
 */
@ApplicationScoped
public class Receiver {

    @Inject
    Role role;

    @Inject
    ReceiptPublisher receipts;

    @ConfigProperty(name = "app.ids-file", defaultValue = "ids.txt")
    String idsFile;

    @ConfigProperty(name = "app.slow-millis", defaultValue = "0")
    long slowMillis;

    @ConfigProperty(name = "app.receipts", defaultValue = "false")
    boolean receiptsOn;

    private final AtomicLong arrived = new AtomicLong();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong receiptsSent = new AtomicLong();
    private final AtomicLong maxDepth = new AtomicLong();
    private final ConcurrentMap<Long, String> traceIds = new ConcurrentHashMap<>();

    private FileOutputStream out;

    @PostConstruct
    void open() {
        if (!role.receiver()) {
            return;
        }
        try {
            Path file = Path.of(idsFile).toAbsolutePath();
            Files.createDirectories(file.getParent());
            out = new FileOutputStream(file.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }

    void arrive(@Subscribes("orders") Order order) {
        if (role.receiver()) {
            arrived.incrementAndGet();
        }
    }

    void deliver(@Subscribes("orders") Order order) throws IOException, InterruptedException {
        if (!role.receiver()) {
            return;
        }
        long depth = arrived.get() - started.incrementAndGet();
        maxDepth.accumulateAndGet(depth, Math::max);
        if ("trace".equals(order.payload())) {
            traceIds.put(order.id(), Span.current().getSpanContext().getTraceId());
        }
        if (slowMillis > 0) {
            Thread.sleep(slowMillis);
        }
        // one write(2) per id, no buffer in this JVM: what returned is in the file even after a SIGKILL
        out.write((order.id() + "\n").getBytes(StandardCharsets.US_ASCII));
        delivered.incrementAndGet();
        if (receiptsOn) {
            receipts.receipt(order.id(), role.instance());
            receiptsSent.incrementAndGet();
        }
    }

    /** The slow subscriber's queue depth now: arrivals (seen by {@link #arrive}) not yet started by it. */
    long depth() {
        return Math.max(0, arrived.get() - started.get());
    }

    // Methods, not fields, for the resource: it holds a client proxy.

    long arrived() {
        return arrived.get();
    }

    long delivered() {
        return delivered.get();
    }

    long maxDepth() {
        return maxDepth.get();
    }

    long receiptsSent() {
        return receiptsSent.get();
    }

    String traceId(long id) {
        return traceIds.get(id);
    }
}
