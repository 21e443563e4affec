package dev.signalbus.cdi;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;

/**
 * Hands each delivery thread its own {@link RequestContextController}, made once per thread and
 * deployment: the controller is {@code @Dependent}, and creating one per delivery (Weld resolves
 * its lifecycle events on construction) was most of the front door's cost per signal. A controller
 * is only ever used by the thread that holds it, one activation at a time.
 * <p>
 * A container's managed executor lends threads that outlive the deployment, and a thread keeps
 * its thread-local values until it happens to clean up stale entries, which an idle pool thread
 * never does; a controller reaches the whole container. So each thread holds its controller in a
 * JDK holder (no class of the deployment), which {@link #release()} empties when the bus stops.
 */
final class RequestContexts {

    private final Instance<RequestContextController> controllers;
    // not static: a managed executor's threads outlive a deployment, its controllers must not
    private final ThreadLocal<AtomicReference<RequestContextController>> perThread = new ThreadLocal<>();
    /** Every thread's holder, to empty them all at the end. */
    private final Set<AtomicReference<RequestContextController>> holders = ConcurrentHashMap.newKeySet();

    RequestContexts(Instance<RequestContextController> controllers) {
        this.controllers = controllers;
    }

    RequestContextController controller() {
        AtomicReference<RequestContextController> holder = perThread.get();
        if (holder == null) {
            holder = new AtomicReference<>();
            perThread.set(holder);
            holders.add(holder);
        }
        RequestContextController controller = holder.get();
        if (controller == null) {
            controller = controllers.get();
            holder.set(controller);
        }
        return controller;
    }

    /** After the drain: lets go of every thread's controller, so that threads outliving the bus keep nothing of it. */
    void release() {
        for (AtomicReference<RequestContextController> holder : holders) {
            holder.set(null);
        }
        holders.clear();
    }
}
