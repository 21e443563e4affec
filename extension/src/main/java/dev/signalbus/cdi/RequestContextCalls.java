package dev.signalbus.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.ActivateRequestContext;

/**
 * Runs each call in a fresh request context through the container's own
 * {@link ActivateRequestContext} interceptor, which every CDI 4.1 container provides.
 * <p>
 * Why not a {@code RequestContextController}: Weld's controller fires its
 * {@code @Initialized}/{@code @BeforeDestroyed}/{@code @Destroyed(RequestScoped.class)} events with
 * the controller's {@code toString()} as payload, built anew on each of the three events: about
 * 1.5 KB of strings and most of the front door's CPU time per delivery. Weld's interceptor fires the
 * same events with one plain {@code Object}. Like the controller, the interceptor leaves a request
 * context that is already active alone. Nothing is kept per thread either: the threads of a
 * container's managed executor, which outlive the deployment, hold nothing of it.
 */
@Dependent
class RequestContextCalls implements RequestContexts {

    /** Calls the method in a request context that is created for this call and destroyed after it. */
    @Override
    @ActivateRequestContext
    public Object call(MethodCall call, Object signal) throws Exception {
        return call.callInRequestContext(signal);
    }
}
