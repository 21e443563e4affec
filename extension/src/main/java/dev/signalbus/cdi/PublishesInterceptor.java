package dev.signalbus.cdi;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.signalbus.Publishes;
import dev.signalbus.model.OptionalApis;
import dev.signalbus.model.Priorities;

/**
 * Publishes the return value of a {@link Publishes} method. The engine's publish unwraps
 * {@code null}, {@code Optional} and {@code CompletionStage}; an exception thrown by the method
 * propagates before anything is published. A Mutiny {@code Uni} (when Mutiny is on the class path)
 * is returned as a {@code Uni} that publishes its item when it emits, as on Quarkus.
 */
@Publishes("")
@Interceptor
@Priority(Priorities.PUBLISHES_INTERCEPTOR)
class PublishesInterceptor {

    /** Whether Mutiny is on the class path: only then is {@link MutinyResults} loaded. */
    private static final boolean MUTINY = OptionalApis.isPresent("io.smallrye.mutiny.Uni");

    @Inject
    SignalBusExtension extension;
    private final EngineRef engine = new EngineRef(() -> extension.engine());

    @AroundInvoke
    Object publish(InvocationContext context) throws Exception {
        Object result = context.proceed();
        // the topic is @Nonbinding: only the binding on the intercepted method knows it
        Publishes binding = context.getInterceptorBinding(Publishes.class);
        if (MUTINY && result != null && MutinyResults.isUni(result)) {
            // nothing to publish yet: the item, when the caller subscribes and it emits (as on Quarkus)
            return MutinyResults.publishingItem(result, engine.get(), binding.value(), binding.during(),
                    context.getMethod());
        }
        engine.get().publish(binding.value(), result, binding.during(), context.getMethod());
        return result;
    }
}
