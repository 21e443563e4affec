package dev.signalbus.behaviour;

import java.lang.annotation.Annotation;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The running application, as a {@link Behaviour} sees it: Weld SE or Quarkus. Each runner implements
 * {@link #select} with its container's lookup.
 */
public abstract class Container {

    private final String name;
    private final String settingsPrefix;

    /**
     * @param name {@code "Weld SE"} or {@code "Quarkus"}
     * @param settingsPrefix {@code "signal-bus."} or {@code "quarkus.signal-bus."}
     */
    protected Container(String name, String settingsPrefix) {
        this.name = name;
        this.settingsPrefix = settingsPrefix;
    }

    /** The bean of that type and qualifiers (a client proxy for a normal-scoped bean). */
    public abstract <T> T select(Class<T> type, Annotation... qualifiers);

    /** {@code "Weld SE"} or {@code "Quarkus"}, for the figures a case prints. */
    public final String name() {
        return name;
    }

    /** The prefix of the bus's settings: {@code "signal-bus."} or {@code "quarkus.signal-bus."}. */
    public final String settingsPrefix() {
        return settingsPrefix;
    }

    /**
     * Runs tasks on a thread that must not block, where the container has one: the Vert.x event loop on Quarkus;
     * empty on Weld SE.
     */
    public Optional<Executor> eventLoop() {
        return Optional.empty();
    }
}
