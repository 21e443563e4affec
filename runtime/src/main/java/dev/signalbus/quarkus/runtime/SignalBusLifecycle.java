package dev.signalbus.quarkus.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.signalbus.SignalBus;
import dev.signalbus.SignalFailure;
import dev.signalbus.engine.BusConfig;
import dev.signalbus.engine.BusLog;
import dev.signalbus.engine.PeriodicSpec;
import dev.signalbus.engine.SignalBusEngine;
import dev.signalbus.engine.Specs;
import dev.signalbus.engine.SubscriberSpec;
import dev.signalbus.jta.JtaTransactions;
import dev.signalbus.metrics.MicrometerBusMetrics;
import dev.signalbus.model.Problems;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.ClientProxy;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.BlockingOperationControl;
import dev.signalbus.messaging.MessagingBridge;
import dev.signalbus.model.OptionalApis;
import dev.signalbus.model.Priorities;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.Vertx;

/**
 * Builds the engine from what the build found, starts it once the application has started and drains it when the
 * application stops, before any bean is destroyed. Internal.
 * <p>
 * Start: after every other {@link StartupEvent} observer ({@link Priorities#START}, as on the portable extension), so that subscribers only run once the
 * application's own startup code has run; whatever was published before (e.g. from a {@code StartupEvent} observer) is
 * kept and delivered then.
 * <p>
 * Drain: before every other {@link ShutdownEvent} observer ({@link Priorities#DRAIN}), so that subscribers still find
 * the resources that application observers release on shutdown. Quarkus fires {@code ShutdownEvent} before it
 * destroys any bean and before it stops the worker pool and Vert.x.
 */
@Singleton
public class SignalBusLifecycle {

    private static final BusLog LOG = BusLog.of(SignalBusLifecycle.class);
    static final String CONFIG_PREFIX = "quarkus.signal-bus.";
    private static final String OBJECT_MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";

    // The config mapping and the failure event are looked up rather than injected: their injection points would carry
    // metadata that native images can only build through reflection.

    @Inject
    Scheduler scheduler;

    @Inject
    ScheduledExecutorService executor;

    @Inject
    Vertx vertx;

    private volatile SignalBusEngine engine;
    private volatile BusConfig busConfig;
    /** {@code null} unless the configuration names channels (and the application has a messaging extension). */
    private volatile MessagingBridge bridge;
    private volatile SignalBusChannels channels;
    private boolean bridgeResolved;

    SignalBusEngine create(List<SubscriberDefinition> subscribers, List<PeriodicDefinition> periodics,
            Map<String, Class<?>> signalClasses, Invokers invokers, boolean metrics, boolean health, boolean tracing,
            boolean messaging) {
        Config config = ConfigProvider.getConfig();
        Function<String, String> expressions = new Function<String, String>() {
            @Override
            public String apply(String key) {
                return config.getOptionalValue(key, String.class).orElse(null);
            }
        };
        Event<SignalFailure> failures = Arc.container().beanManager().getEvent().select(SignalFailure.class);
        SignalBusRuntimeConfig runtimeConfig = config.unwrap(SmallRyeConfig.class).getConfigMapping(SignalBusRuntimeConfig.class);
        BusConfig bus = busConfig(runtimeConfig);
        this.busConfig = bus;
        // every problem of the start in one failure, as the build and the portable extension report theirs
        List<String> problems = new ArrayList<>(bus.problems(CONFIG_PREFIX, new Function<String, String>() {
            @Override
            public String apply(String key) {
                return config.getConfigValue(key).getValue();
            }
        }));
        // with a setting invalid, the checks that read the settings would only add noise
        boolean settingsValid = problems.isEmpty();
        SignalBusEngine.Builder builder = SignalBusEngine.builder()
                .config(bus)
                .executor(executor)
                .scheduler(new QuarkusPeriodicScheduler(scheduler, executor))
                .failureHandler(new Consumer<SignalFailure>() {
                    @Override
                    public void accept(SignalFailure failure) {
                        // a delivery that outlived the drain may fail after the container stopped (the worker pool
                        // interrupts it); the engine has logged the failure already
                        ArcContainer container = Arc.container();
                        if (container != null && container.isRunning()) {
                            failures.fire(failure);
                        }
                    }
                })
                // the registry is a bean on Quarkus (quarkus-narayana-jta) or nowhere: looked up once
                .transactions(JtaTransactions.support(new Function<Class<?>, Object>() {
                    @Override
                    public Object apply(Class<?> type) {
                        InstanceHandle<?> registry = Arc.container().instance(type);
                        return registry.isAvailable() ? registry.get() : null;
                    }
                }, false))
                .blockingAllowed(new BooleanSupplier() {
                    @Override
                    public boolean getAsBoolean() {
                        return BlockingOperationControl.isBlockingAllowed();
                    }
                })
                .watchDeliveries(health);
        if (metrics) {
            // quarkus-micrometer adds every registry of the application to the global one
            builder.metrics(MicrometerBusMetrics.global());
        }
        if (tracing) {
            builder.tracing(OpenTelemetryTracing.tracing());
        }
        // the step from the recorded definitions to the engine's specs, as the portable extension takes it
        Specs specs = new Specs(expressions, "set it in application.properties", problems);
        for (SubscriberDefinition s : subscribers) {
            ArcMethodCall call = new ArcMethodCall(invokers, s.invoker, s.parameterCount, s.signalIndex, s.executionModel,
                    vertx);
            Function<Object, Object> key = null;
            if (s.keyReader >= 0) {
                int reader = s.keyReader;
                key = new Function<Object, Object>() {
                    @Override
                    public Object apply(Object signal) {
                        return invokers.key(reader, signal);
                    }
                };
            }
            SubscriberSpec spec = specs.subscriber(s.signature, s.topic, s.target,
                    Objects.requireNonNull(signalClasses.get(s.signalClass), s.signalClass),
                    s.concurrency, s.batchMaxSize, s.batchMaxWait, call, key);
            if (spec != null) {
                builder.subscriber(spec);
            }
        }
        for (PeriodicDefinition p : periodics) {
            ArcMethodCall call = new ArcMethodCall(invokers, p.invoker, p.parameterCount, -1, p.executionModel, vertx);
            PeriodicSpec spec = specs.periodic(p.signature, p.target, p.every, p.delay, call);
            if (spec != null) {
                builder.periodic(spec);
            }
        }
        Map<String, MessagingBridge.Channels> named = channels(runtimeConfig);
        if (!named.isEmpty()) {
            if (!messaging) {
                problems.add(CONFIG_PREFIX + "topics.\"" + named.keySet().iterator().next() + "\" names a channel, but the"
                        + " application has no messaging extension: add io.quarkus:quarkus-messaging-kafka (or the extension"
                        + " of another connector), or remove the outgoing/incoming settings");
            } else if (!OptionalApis.isPresent(OBJECT_MAPPER)) {
                problems.add(CONFIG_PREFIX + "topics.\"" + named.keySet().iterator().next() + "\" names a channel, but Jackson"
                        + " is not in the application: signals cross the broker as JSON; add io.quarkus:quarkus-jackson");
            } else {
                bridge(Arc.container().instance(SignalBusChannels.class).get()).configure(builder);
            }
        }
        if (settingsValid) {
            problems.addAll(builder.problems(CONFIG_PREFIX));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(Problems.report(problems));
        }
        SignalBusEngine created = builder.build();
        engine = created;
        return created;
    }

    /** The engine, or {@code null} before the bus was created. */
    SignalBusEngine engine() {
        return engine;
    }

    void start(@Observes @Priority(Priorities.START) StartupEvent event, SignalBus bus) {
        // unwrapping creates the bus if nothing has published yet
        SignalBusEngine started = (SignalBusEngine) ClientProxy.unwrap(bus);
        MessagingBridge channelBridge = bridge;
        if (channelBridge != null) {
            // Reactive Messaging wired its channels at LIBRARY_BEFORE
            channelBridge.open(started, channels.registry(), busConfig);
        }
        started.start();
        if (channelBridge != null) {
            channelBridge.startReceiving(started);
        }
    }

    void drain(@Observes @Priority(Priorities.DRAIN) ShutdownEvent event) {
        shutdown();
    }

    @PreDestroy
    void shutdown() {
        SignalBusEngine current = engine;
        if (current == null || current.isStopped()) {
            return;
        }
        MessagingBridge channelBridge = bridge;
        LOG.undelivered(channelBridge != null ? channelBridge.drain(current) : current.shutdown());
    }

    /**
     * The bridge to the configured channels, created once; called only when the application has a messaging
     * extension (by {@link SignalBusChannels}, a bean only then).
     *
     * @return {@code null} if no topic names a channel
     */
    synchronized MessagingBridge bridge(SignalBusChannels channels) {
        // without Jackson the start fails, naming it (create)
        if (!bridgeResolved && OptionalApis.isPresent(OBJECT_MAPPER)) {
            bridgeResolved = true;
            this.channels = channels;
            Map<String, MessagingBridge.Channels> named = channels(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                    .getConfigMapping(SignalBusRuntimeConfig.class));
            bridge = named.isEmpty() ? null : channels.create(named);
        }
        return bridge;
    }

    private static Map<String, MessagingBridge.Channels> channels(SignalBusRuntimeConfig config) {
        Map<String, MessagingBridge.Channels> channels = new TreeMap<>();
        for (Map.Entry<String, SignalBusRuntimeConfig.TopicConfig> topic : config.topics().entrySet()) {
            String outgoing = topic.getValue().outgoing().filter(name -> !name.isBlank()).orElse(null);
            String incoming = topic.getValue().incoming().filter(name -> !name.isBlank()).orElse(null);
            if (outgoing != null || incoming != null) {
                channels.put(topic.getKey(), new MessagingBridge.Channels(outgoing, incoming));
            }
        }
        return channels;
    }

    private static BusConfig busConfig(SignalBusRuntimeConfig config) {
        Map<String, Integer> topicCapacities = new HashMap<>();
        for (Map.Entry<String, SignalBusRuntimeConfig.TopicConfig> topic : config.topics().entrySet()) {
            if (topic.getValue().queueCapacity().isPresent()) {
                topicCapacities.put(topic.getKey(), topic.getValue().queueCapacity().getAsInt());
            }
        }
        return new BusConfig(config.shutdownTimeout(), config.queueCapacity(), config.publishTimeout(), topicCapacities,
                config.stuckDeliveryThreshold());
    }

}
