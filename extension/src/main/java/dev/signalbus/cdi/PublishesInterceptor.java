package dev.signalbus.cdi;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.signalbus.Publishes;
import dev.signalbus.engine.SignalBusEngine;

/**
 * Publishes the return value of a {@link Publishes} method. The engine's publish unwraps
 * {@code null}, {@code Optional} and {@code CompletionStage}; an exception thrown by the method
 * propagates before anything is published.
 */
@Publishes("")
@Interceptor
@Priority(PublishesInterceptor.PRIORITY)
class PublishesInterceptor {

    /**
     * Outside {@code @Transactional} (200) and the application's interceptors, so that a signal is
     * published only once the call has really succeeded (a rolled back transaction publishes
     * nothing) and subscribers see committed state.
     */
    static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 100;

    @Inject
    SignalBusExtension extension;
    /**
     * The extension's engine, read once: the container injects the extension as a client proxy,
     * whose every call looks the extension up and invokes it reflectively. The engine of a
     * deployment never changes once set.
     */
    private volatile SignalBusEngine engine;

    @AroundInvoke
    Object publish(InvocationContext context) throws Exception {
        Object result = context.proceed();
        // the topic is @Nonbinding: only the binding on the intercepted method knows it
        Publishes binding = context.getInterceptorBinding(Publishes.class);
        engine().publish(binding.value(), result);
        return result;
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
