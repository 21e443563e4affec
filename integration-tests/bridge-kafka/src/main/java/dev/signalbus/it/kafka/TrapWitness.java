package dev.signalbus.it.kafka;

import java.util.concurrent.atomic.AtomicBoolean;

/** What {@link Trap} did, if anything; kept apart so that reading it does not initialize {@link Trap}. */
public final class TrapWitness {

    static final AtomicBoolean INITIALIZED = new AtomicBoolean();
    static final AtomicBoolean INSTANTIATED = new AtomicBoolean();

    private TrapWitness() {
    }

    static void initialized(String name) {
        INITIALIZED.set(true);
        System.err.println("TRAP: " + name + " was initialized");
        Thread.dumpStack();
    }

    static void instantiated() {
        INSTANTIATED.set(true);
    }
}
