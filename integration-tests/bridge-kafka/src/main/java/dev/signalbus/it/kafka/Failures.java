package dev.signalbus.it.kafka;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.signalbus.SignalFailure;

/** Every {@link SignalFailure} this JVM observed (case 3: messages the bridge could not read). */
@ApplicationScoped
public class Failures {

    private final List<SignalFailure> seen = new CopyOnWriteArrayList<>();

    void on(@Observes SignalFailure failure) {
        seen.add(failure);
    }

    /** A method, not the field: callers hold a client proxy. */
    List<SignalFailure> seen() {
        return seen;
    }
}
