package dev.signalbus.cdi;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;

/**
 * Hands each delivery thread its own {@link RequestContextController}, made once per thread and
 * deployment: the controller is {@code @Dependent}, and creating one per delivery (Weld resolves
 * its lifecycle events on construction) was most of the front door's cost per signal. A controller
 * is only ever used by the thread that holds it, one activation at a time.
 */
final class RequestContexts {

    private final Instance<RequestContextController> controllers;
    // not static: a managed executor's threads outlive a deployment, its controllers must not
    private final ThreadLocal<RequestContextController> perThread = new ThreadLocal<>();

    RequestContexts(Instance<RequestContextController> controllers) {
        this.controllers = controllers;
    }

    RequestContextController controller() {
        RequestContextController controller = perThread.get();
        if (controller == null) {
            controller = controllers.get();
            perThread.set(controller);
        }
        return controller;
    }
}
