package dev.signalbus.cdi;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.signalbus.SignalBus;

/** The {@link SignalBus} bean: the container's engine, built when the deployment is validated. */
@ApplicationScoped
class SignalBusBean implements SignalBus {

    @Inject
    SignalBusExtension extension;

    @Override
    public void publish(String topic, Object signal) {
        extension.engine().publish(topic, signal);
    }

    @Override
    public boolean awaitIdle(Duration timeout) {
        return extension.engine().awaitIdle(timeout);
    }
}
