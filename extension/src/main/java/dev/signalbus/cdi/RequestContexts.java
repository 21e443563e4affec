package dev.signalbus.cdi;

import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;

import org.jboss.weld.context.RequestContext;
import org.jboss.weld.context.unbound.UnboundLiteral;

import dev.signalbus.model.OptionalApis;

/**
 * How each delivery and periodic run gets a request context of its own. Every CDI 4.1 container has
 * {@link RequestContextCalls} (its {@code @ActivateRequestContext} interceptor). On Weld (Weld SE,
 * WildFly) the bus uses Weld's own unbound {@link RequestContext} instead, as Weld runs its own async
 * observers: activated for the call, invalidated and deactivated after it — the same fresh context
 * and the same destruction of its instances, without the interceptor and its three lifecycle events
 * (docs/benchmarks.md measures both). It does so only when nothing observes
 * {@code @Initialized}, {@code @BeforeDestroyed} or {@code @Destroyed(RequestScoped.class)}: an
 * application that observes them gets the interceptor, and its events.
 */
interface RequestContexts {

    /** Calls {@code call} in a request context created for it and destroyed after it (unless one is active). */
    Object call(MethodCall call, Object signal) throws Exception;

    /** The cheapest way this container offers. */
    static RequestContexts of(BeanManager beanManager) {
        RequestContextCalls portable = beanManager.createInstance().select(RequestContextCalls.class).get();
        if (!OptionalApis.isPresent(Weld.REQUEST_CONTEXT) || observed(beanManager)) {
            return portable;
        }
        RequestContexts weld = Weld.of(beanManager);
        return weld != null ? weld : portable;
    }

    private static boolean observed(BeanManager beanManager) {
        Object event = new Object(); // what the interceptor fires
        return !beanManager.resolveObserverMethods(event, Initialized.Literal.of(RequestScoped.class)).isEmpty()
                || !beanManager.resolveObserverMethods(event, BeforeDestroyed.Literal.of(RequestScoped.class)).isEmpty()
                || !beanManager.resolveObserverMethods(event, Destroyed.Literal.of(RequestScoped.class)).isEmpty();
    }

    /** Weld's unbound request context; loaded only when the Weld API is on the class path. */
    final class Weld implements RequestContexts {

        static final String REQUEST_CONTEXT = "org.jboss.weld.context.RequestContext";

        private final RequestContext context;

        private Weld(RequestContext context) {
            this.context = context;
        }

        /** @return {@code null} if the container is not Weld after all */
        static RequestContexts of(BeanManager beanManager) {
            Instance<RequestContext> unbound = beanManager.createInstance().select(RequestContext.class,
                    UnboundLiteral.INSTANCE);
            return unbound.isResolvable() ? new Weld(unbound.get()) : null;
        }

        @Override
        public Object call(MethodCall call, Object signal) throws Exception {
            if (context.isActive()) {
                return call.callInRequestContext(signal);
            }
            context.activate();
            try {
                return call.callInRequestContext(signal);
            } finally {
                try {
                    context.invalidate();
                } finally {
                    context.deactivate(); // destroys the call's request-scoped instances
                }
            }
        }
    }
}
