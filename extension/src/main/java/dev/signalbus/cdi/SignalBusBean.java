package dev.signalbus.cdi;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.signalbus.SignalBus;
import dev.signalbus.engine.SignalBusEngine;

/** The {@link SignalBus} bean: the container's engine, built when the deployment is validated. */
@ApplicationScoped
class SignalBusBean implements SignalBus {

    @Inject
    SignalBusExtension extension;
    /** Read once, as in {@link PublishesInterceptor}: the extension is injected as a client proxy. */
    private volatile SignalBusEngine engine;

    @Override
    public void publish(String topic, Object signal) {
        engine().publish(topic, signal);
    }

    @Override
    public boolean awaitIdle(Duration timeout) {
        return engine().awaitIdle(timeout);
    }

    private SignalBusEngine engine() {
        SignalBusEngine current = engine;
        if (current == null) {
            current = extension.engine(); // throws while there is none yet: nothing is cached then
            engine = current;
        }
        return current;
    }
}
