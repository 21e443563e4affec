package dev.signalbus.cdi;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/** Starts the bus with the application and drains it before any application bean is destroyed. */
@Dependent
class BusLifecycle {

    /** After the application's own startup observers, so that what they publish is kept and then delivered. */
    static final int START_PRIORITY = Interceptor.Priority.PLATFORM_AFTER + 1000;

    /** Before every other observer, while every bean a subscriber needs is still alive. */
    static final int DRAIN_PRIORITY = Interceptor.Priority.PLATFORM_BEFORE;

    @Inject
    SignalBusExtension extension;

    void start(@Observes @Priority(START_PRIORITY) @Initialized(ApplicationScoped.class) Object event) {
        extension.start();
    }

    void drain(@Observes @Priority(DRAIN_PRIORITY) @BeforeDestroyed(ApplicationScoped.class) Object event) {
        extension.drain();
    }
}
