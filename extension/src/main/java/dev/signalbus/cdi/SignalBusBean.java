package dev.signalbus.cdi;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import dev.signalbus.SignalBus;

/** The {@link SignalBus} bean: the container's engine, built when the deployment is validated. */
@ApplicationScoped
class SignalBusBean implements SignalBus {

    @Inject
    SignalBusExtension extension;
    private final EngineRef engine = new EngineRef(() -> extension.engine());

    @Override
    public void publish(String topic, Object signal) {
        engine.get().publish(topic, signal);
    }

    @Override
    public void publish(String topic, Object signal, TransactionPhase during) {
        engine.get().publish(topic, signal, during);
    }

    @Override
    public boolean awaitIdle(Duration timeout) {
        return engine.get().awaitIdle(timeout);
    }
}
