package dev.signalbus.behaviour;

import java.lang.annotation.Annotation;
import java.util.Optional;
import java.util.concurrent.Executor;

/** The running application, as a {@link Behaviour} sees it: Weld SE or Quarkus. */
public interface Container {

    /** The bean of that type and qualifiers (a client proxy for a normal-scoped bean). */
    <T> T select(Class<T> type, Annotation... qualifiers);

    /** {@code "Weld SE"} or {@code "Quarkus"}, for the figures a case prints. */
    String name();

    /** The prefix of the bus's settings: {@code "signal-bus."} or {@code "quarkus.signal-bus."}. */
    String settingsPrefix();

    /**
     * Runs tasks on a thread that must not block, where the container has one: the Vert.x event loop on Quarkus;
     * empty on Weld SE.
     */
    default Optional<Executor> eventLoop() {
        return Optional.empty();
    }
}
