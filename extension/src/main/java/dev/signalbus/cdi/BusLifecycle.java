package dev.signalbus.cdi;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.signalbus.model.Priorities;

/** Starts the bus with the application and drains it before any application bean is destroyed. */
@Dependent
class BusLifecycle {

    @Inject
    SignalBusExtension extension;

    void start(@Observes @Priority(Priorities.START) @Initialized(ApplicationScoped.class) Object event) {
        extension.start();
    }

    void drain(@Observes @Priority(Priorities.DRAIN) @BeforeDestroyed(ApplicationScoped.class) Object event) {
        extension.drain();
    }
}
