package dev.signalbus.it.weld;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.signalbus.Subscribes;

/**
 * The receiver's subscriber: appends each delivered id to this instance's file ({@code app.ids-file}) with one
 * unbuffered write, so that what it wrote survives even a SIGKILL. Inactive in the sender, where topic
 * {@code orders} is outgoing only and would reach it too.
 */
@ApplicationScoped
public class Receiver {

    @Inject
    @ConfigProperty(name = "app.ids-file", defaultValue = "ids.txt")
    String idsFile;

    private final AtomicLong delivered = new AtomicLong();
    private FileOutputStream out;

    @PostConstruct
    void open() {
        if (Role.current() != Role.RECEIVER) {
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
    void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    void deliver(@Subscribes("orders") Order order) throws IOException {
        if (out == null) {
            return;
        }
        // one write(2) per id, no buffer in this JVM
        out.write((order.id() + "\n").getBytes(StandardCharsets.US_ASCII));
        delivered.incrementAndGet();
    }

    public long delivered() {
        return delivered.get();
    }
}
