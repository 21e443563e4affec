package dev.signalbus.cdi;

import java.util.function.Supplier;

import dev.signalbus.engine.SignalBusEngine;

/**
 * The deployment's engine, read from the extension once: the container injects the extension as a
 * client proxy, whose every call looks the extension up and invokes it reflectively, and the
 * engine of a deployment never changes once set.
 */
final class EngineRef {

    private final Supplier<SignalBusEngine> extension;
    private volatile SignalBusEngine engine;

    EngineRef(Supplier<SignalBusEngine> extension) {
        this.extension = extension;
    }

    SignalBusEngine get() {
        SignalBusEngine current = engine;
        if (current == null) {
            current = extension.get(); // throws while there is none yet: nothing is cached then
            engine = current;
        }
        return current;
    }
}
