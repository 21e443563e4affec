package dev.signalbus.quarkus.runtime;

import java.util.function.Consumer;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.engine.SignalBusEngine;
import dev.signalbus.model.Priorities;
import io.quarkus.arc.ClientProxy;
import io.smallrye.mutiny.Uni;

/**
 * Publishes the return value of a {@link Publishes} method. Internal.
 * <p>
 * Inside {@code @Transactional} ({@code PLATFORM_BEFORE + 200}), as on the portable extension: the publish joins the
 * method's own transaction and follows it ({@link Publishes#during()}: after the commit by default, never on
 * rollback); outside the application's interceptors, so that an exception anywhere publishes nothing and reaches the
 * caller unchanged.
 * <p>
 * A Mutiny {@code Uni} is returned as a {@code Uni} that publishes its item when it emits it: nothing is published
 * until the caller subscribes, a {@code null} item or a failure publishes nothing, and every subscription that emits
 * publishes again, following the transaction active on the emitting thread, if any. {@code CompletionStage} and
 * {@code Optional} results are unwrapped by the bus itself.
 */
@Publishes("")
@Interceptor
@Priority(Priorities.PUBLISHES_INTERCEPTOR)
public class ArcPublishesInterceptor {

    @Inject
    SignalBus bus;
    private volatile SignalBusEngine engine;

    @AroundInvoke
    Object publish(InvocationContext context) throws Exception {
        Object result = context.proceed();
        Publishes binding = context.getInterceptorBinding(Publishes.class);
        String topic = binding.value();
        if (result instanceof Uni<?> uni) {
            return uni.onItem().invoke(new Consumer<Object>() {
                @Override
                public void accept(Object item) {
                    engine().publish(topic, item, binding.during(), context.getMethod());
                }
            });
        }
        engine().publish(topic, result, binding.during(), context.getMethod());
        return result;
    }

    /** The engine behind the bus's client proxy, for the publish that names its publisher method. */
    private SignalBusEngine engine() {
        SignalBusEngine current = engine;
        if (current == null) {
            current = (SignalBusEngine) ClientProxy.unwrap(bus);
            engine = current;
        }
        return current;
    }
}
