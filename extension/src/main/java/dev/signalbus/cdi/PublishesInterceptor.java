package dev.signalbus.cdi;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.signalbus.Publishes;

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
    private final EngineRef engine = new EngineRef(() -> extension.engine());

    @AroundInvoke
    Object publish(InvocationContext context) throws Exception {
        Object result = context.proceed();
        // the topic is @Nonbinding: only the binding on the intercepted method knows it
        Publishes binding = context.getInterceptorBinding(Publishes.class);
        engine.get().publish(binding.value(), result);
        return result;
    }
}
