package dev.signalbus.cdi;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.invoke.Invoker;

/**
 * One call of a subscriber or periodic method, as the engine makes it for every delivery or run:
 * a fresh request context, the bean looked up by the invoker, every other argument resolved as an
 * injection point, and the {@code @Dependent} arguments destroyed when the call is over — for a
 * {@link CompletionStage} result, when that completes.
 * <p>
 * The arguments are resolved here rather than through the invoker's argument lookup so that the
 * extension validates them itself (one report of every problem, see {@link SignalBusExtension})
 * and so that they outlive an asynchronous result. No reflection: the invoker and the container's
 * resolution do the work.
 */
final class MethodCall {

    private final Invoker<Object, Object> invoker;
    private final int arity;
    private final int signalIndex;
    private final int[] injectedPositions;
    private final InjectionPoint[] injectionPoints;
    private final BeanManager beanManager;
    private final RequestContexts requestContext;
    /** For a normal-scoped bean: the bean whose client proxy is looked up once; else {@code null}. */
    private final Bean<?> proxiedBean;
    private volatile Object proxy;

    /**
     * @param signalIndex the position of the signal, {@code -1} for a periodic task
     * @param injectedPositions the positions of every other parameter
     * @param injectionPoints their injection points, in the same order
     */
    MethodCall(Invoker<Object, Object> invoker, int arity, int signalIndex, int[] injectedPositions,
            InjectionPoint[] injectionPoints, BeanManager beanManager, RequestContexts requestContext,
            Bean<?> proxiedBean) {
        this.invoker = invoker;
        this.arity = arity;
        this.signalIndex = signalIndex;
        this.injectedPositions = injectedPositions.clone();
        this.injectionPoints = injectionPoints.clone();
        this.beanManager = beanManager;
        this.requestContext = requestContext;
        this.proxiedBean = proxiedBean;
    }

    /**
     * Calls the method.
     *
     * @param signal the signal (or list of signals), ignored for a periodic task
     * @return the method's result; a {@link CompletionStage} completes after the arguments are destroyed
     */
    Object call(Object signal) throws Exception {
        return requestContext.call(this, signal);
    }

    /** The call itself, once {@link RequestContexts} has activated the request context. */
    Object callInRequestContext(Object signal) throws Exception {
        CreationalContext<?> dependents = injectionPoints.length == 0 ? null
                : beanManager.createCreationalContext(null);
        boolean releaseNow = true;
        try {
            Object[] arguments = new Object[arity];
            if (signalIndex >= 0) {
                arguments[signalIndex] = signal;
            }
            for (int i = 0; i < injectionPoints.length; i++) {
                arguments[injectedPositions[i]] = beanManager.getInjectableReference(injectionPoints[i], dependents);
            }
            Object result = invoker.invoke(target(), arguments);
            if (dependents != null && result instanceof CompletionStage<?> stage) {
                releaseNow = false;
                return stage.whenComplete((value, failure) -> dependents.release());
            }
            return result;
        } finally {
            if (releaseNow && dependents != null) {
                // while the request context is still active: a @PreDestroy may need it
                dependents.release();
            }
        }
    }

    /**
     * The instance to call: {@code null} lets the invoker look the bean up (its instance lookup);
     * a normal-scoped bean's client proxy is the same for every call, so it is looked up once.
     */
    private Object target() {
        if (proxiedBean == null) {
            return null;
        }
        Object target = proxy;
        if (target == null) {
            target = beanManager.getReference(proxiedBean, proxiedBean.getBeanClass(),
                    beanManager.createCreationalContext(proxiedBean));
            proxy = target;
        }
        return target;
    }
}
