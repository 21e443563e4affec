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
     * Inside {@code @Transactional} ({@code PLATFORM_BEFORE + 200}), so that the publish joins the
     * method's own transaction and follows it ({@link Publishes#during()}: after the commit by
     * default, never on rollback); outside the application's interceptors, so that an exception
     * they throw publishes nothing. The same on Quarkus.
     */
    static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 300;

    @Inject
    SignalBusExtension extension;
    private final EngineRef engine = new EngineRef(() -> extension.engine());

    @AroundInvoke
    Object publish(InvocationContext context) throws Exception {
        Object result = context.proceed();
        // the topic is @Nonbinding: only the binding on the intercepted method knows it
        Publishes binding = context.getInterceptorBinding(Publishes.class);
        engine.get().publish(binding.value(), result, binding.during(), context.getMethod());
        return result;
    }
}
