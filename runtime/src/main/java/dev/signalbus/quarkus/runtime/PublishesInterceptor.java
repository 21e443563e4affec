package dev.signalbus.quarkus.runtime;

import java.util.function.Consumer;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import io.smallrye.mutiny.Uni;

/**
 * Publishes the return value of a {@link Publishes} method. Internal.
 * <p>
 * Outermost ({@code PLATFORM_BEFORE}): the value is published once the method and every other interceptor (e.g. a
 * transaction) completed normally; an exception publishes nothing and reaches the caller unchanged.
 * <p>
 * A Mutiny {@code Uni} is returned as a {@code Uni} that publishes its item when it emits it: nothing is published
 * until the caller subscribes, a {@code null} item or a failure publishes nothing, and every subscription that emits
 * publishes again. {@code CompletionStage} and {@code Optional} results are unwrapped by the bus itself.
 */
@Publishes("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class PublishesInterceptor {

    @Inject
    SignalBus bus;

    @AroundInvoke
    Object publish(InvocationContext context) throws Exception {
        Object result = context.proceed();
        String topic = context.getInterceptorBinding(Publishes.class).value();
        if (result instanceof Uni<?> uni) {
            return uni.onItem().invoke(new Consumer<Object>() {
                @Override
                public void accept(Object item) {
                    bus.publish(topic, item);
                }
            });
        }
        bus.publish(topic, result);
        return result;
    }
}
