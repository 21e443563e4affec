package dev.signalbus.quarkus.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.signalbus.SignalBus;
import io.quarkus.arc.Arc;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Hands what the build found to the runtime. Internal.
 */
@Recorder
public class SignalBusRecorder {

    /**
     * Called at static init: the signal classes are loaded here, so a native image needs no reflection for them.
     *
     * @param metrics whether the application has Micrometer ({@code quarkus-micrometer}): the bus then reports its meters
     * @param health whether the application has SmallRye Health: deliveries then record their start, for the liveness
     *        check
     * @param tracing whether the application has {@code quarkus-opentelemetry} with tracing: each delivery then runs in
     *        a span whose parent is the publisher's
     * @param messaging whether the application has a messaging extension: topics may then name channels
     * @return the creation function of the {@code SignalBus} bean
     */
    public Function<SyntheticCreationalContext<SignalBus>, SignalBus> createBus(List<SubscriberDefinition> subscribers,
            List<PeriodicDefinition> periodics, RuntimeValue<Invokers> invokers, boolean metrics, boolean health, boolean tracing,
            boolean messaging) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Map<String, Class<?>> signalClasses = new HashMap<>();
        for (SubscriberDefinition subscriber : subscribers) {
            if (!signalClasses.containsKey(subscriber.signalClass)) {
                try {
                    signalClasses.put(subscriber.signalClass, Class.forName(subscriber.signalClass, false, loader));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("Signal class of " + subscriber.target + " not found", e);
                }
            }
        }
        return new Function<SyntheticCreationalContext<SignalBus>, SignalBus>() {
            @Override
            public SignalBus apply(SyntheticCreationalContext<SignalBus> context) {
                if (ExecutionMode.current() == ExecutionMode.STATIC_INIT) {
                    // e.g. a publish from an @Initialized(ApplicationScoped.class) observer: Quarkus fires it while
                    // it records the application, before the configuration and the scheduler the bus needs exist
                    throw new IllegalStateException("Signal Bus cannot be used at static init: Quarkus fires"
                            + " @Initialized(ApplicationScoped.class) before the application's run-time configuration"
                            + " exists. Publish from an observer of StartupEvent (io.quarkus.runtime.StartupEvent)"
                            + " instead; what it publishes is kept and delivered once the bus starts");
                }
                // looked up here, not injected: an injection point would be resolved before the check above
                return Arc.container().instance(SignalBusLifecycle.class).get().create(subscribers, periodics,
                        signalClasses, invokers.getValue(), metrics, health, tracing, messaging);
            }
        };
    }
}
