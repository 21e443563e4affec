package dev.signalbus.it.jee;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

import org.jboss.logging.Logger;

/**
 * A chain: {@link #start} publishes to "chain-a", {@link #stepB} receives it and publishes to
 * "chain-b", {@link #stepC} to "chain-c", and {@link #end} appends each arrival to the file named
 * by the system property {@value #FILE_PROPERTY}. That file outlives the deployment: read after an
 * undeploy, it shows whether the drain delivered the whole chain.
 */
@ApplicationScoped
public class Chain {

    /** The system property naming the file {@link #end} appends to. */
    public static final String FILE_PROPERTY = "signalbus.jee.chain-file";

    private static final Logger LOG = Logger.getLogger(Chain.class);

    /** Starts one chain; its signal reaches {@link #end} after two more hops. */
    @Publishes("chain-a")
    public String start(String id) {
        return id;
    }

    @Publishes("chain-b")
    public String stepB(@Subscribes("chain-a") String id, Deliveries deliveries) {
        deliveries.record("chain-b", id);
        // Stands for real work, so that a burst of chains is still in flight when an
        // undeploy starts (the drain must finish it).
        LockSupport.parkNanos(20_000_000L);
        return id + ">b";
    }

    @Publishes("chain-c")
    public String stepC(@Subscribes("chain-b") String id, Deliveries deliveries) {
        deliveries.record("chain-c", id);
        return id + ">c";
    }

    void end(@Subscribes("chain-c") String id, Deliveries deliveries) {
        deliveries.record("chain-end", id);
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null) {
            return;
        }
        try {
            Files.writeString(Path.of(file), id + '\n', StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.debugf("chain %s arrived", id);
    }
}
