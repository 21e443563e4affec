package dev.signalbus.cdi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Decorator;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.Interceptor;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.invoke.Invoker;

import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.SignalFailure;
import dev.signalbus.engine.BusConfig;
import dev.signalbus.engine.BusLog;
import dev.signalbus.engine.DrainReport;
import dev.signalbus.engine.PeriodicScheduler;
import dev.signalbus.engine.PeriodicSpec;
import dev.signalbus.engine.SignalBusEngine;
import dev.signalbus.engine.SubscriberSpec;
import dev.signalbus.jta.JtaTransactions;
import dev.signalbus.messaging.MessagingBridge;
import dev.signalbus.model.MethodModel;
import dev.signalbus.model.Problems;
import dev.signalbus.model.ReflectionModels;
import dev.signalbus.model.TopicGraph;
import dev.signalbus.model.OptionalApis;

/**
 * Signal Bus for any CDI 4.1 container, registered through {@code META-INF/services}.
 * <p>
 * It registers the {@link Publishes} interceptor and the {@link SignalBus} bean, reads every bean
 * method that publishes, subscribes or runs periodically, builds an invoker for each subscriber and
 * periodic method, and validates the whole topic graph, reporting every problem of the deployment
 * in one {@link DeploymentException}. The bus starts once the application scope is initialized and
 * drains before any application bean is destroyed.
 * <p>
 * Every delivery and periodic run gets a fresh request context and its own injected arguments;
 * {@code @Dependent} ones are destroyed when the method returns or, if it returns a
 * {@link java.util.concurrent.CompletionStage}, when that completes (a {@code @Dependent} subscriber
 * bean itself is looked up by the invoker, which destroys it when the method returns). The request context covers
 * the synchronous part of the call only: it ends when the method returns, so work continuing
 * asynchronously must not rely on request-scoped beans.
 * <p>
 * Settings come from MicroProfile Config when present ({@code signal-bus.shutdown-timeout},
 * {@code signal-bus.queue-capacity}, {@code signal-bus.publish-timeout},
 * {@code signal-bus.stuck-delivery-threshold}, {@code signal-bus.topics."name".queue-capacity});
 * with Micrometer on the class path the bus reports its meters to the application's
 * {@code MeterRegistry} bean, or to Micrometer's global registry if it has none
 * ({@link dev.signalbus.metrics.MicrometerBusMetrics}); with an {@code OpenTelemetry} bean each
 * delivery runs in a span whose parent is the publisher's
 * ({@link dev.signalbus.tracing.OpenTelemetryBusTracing}); with MicroProfile Health, readiness and
 * liveness checks ({@link dev.signalbus.health.BusHealth}); deliveries and periodic runs use the
 * container's default managed executors when it has Jakarta Concurrency, otherwise pools owned by
 * the bus.
 */
public class SignalBusExtension implements Extension {

    private static final BusLog LOG = BusLog.of(SignalBusExtension.class);

    /** Methods found in managed beans, in discovery order. */
    private final List<FoundMethod> found = new ArrayList<>();
    /** Problems found before validation: @Publishes on a class, methods no invoker can call. */
    private final List<String> problems = new ArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean drained = new AtomicBoolean();
    private volatile SignalBusEngine engine;
    private volatile BusExecutors executors;
    /** {@code null} unless the configuration names channels of a broker. */
    private volatile MessagingBridge bridge;
    private volatile BusConfig config;
    private volatile BeanManager beanManager;

    void registerBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        // the jar is not a bean archive: its beans and interceptor are added explicitly
        for (Class<?> type : List.of(PublishesInterceptor.class, SignalBusBean.class, BusLifecycle.class,
                RequestContextCalls.class)) {
            event.addAnnotatedType(beanManager.createAnnotatedType(type), type.getName());
        }
        if (OptionalApis.isPresent(HealthChecks.HEALTH_CHECK)) {
            for (Class<?> type : HealthChecks.classes()) {
                event.addAnnotatedType(beanManager.createAnnotatedType(type), type.getName());
            }
        }
    }

    <X> void collect(@Observes ProcessManagedBean<X> event, BeanManager beanManager) {
        Bean<X> bean = event.getBean();
        if (bean instanceof Interceptor<?> || bean instanceof Decorator<?>) {
            return;
        }
        AnnotatedType<X> type = event.getAnnotatedBeanClass();
        Class<X> beanClass = type.getJavaClass();
        if (type.isAnnotationPresent(Publishes.class)) {
            problems.add(Problems.publishesOnClass(beanClass.getName()));
        }
        for (AnnotatedMethod<? super X> method : type.getMethods()) {
            if (!AnnotatedMethods.isSignalBusMethod(method)) {
                continue;
            }
            MethodModel model = AnnotatedMethods.model(beanClass, method);
            Invoker<Object, Object> invoker = null;
            Bean<?> proxiedBean = null;
            boolean called = method.isAnnotationPresent(PeriodicTask.class)
                    || AnnotatedMethods.isSubscriber(method);
            // private and static methods are reported by the topic graph; no invoker is attempted
            if (called && !model.isPrivate() && !model.isStatic()) {
                try {
                    proxiedBean = proxied(bean, beanClass, beanManager);
                    invoker = invoker(event, method, proxiedBean != null);
                } catch (RuntimeException e) {
                    problems.add(model.signature() + ": Signal Bus cannot call this method: " + e.getMessage());
                }
            }
            found.add(new FoundMethod(beanClass, method, model, invoker, proxiedBean));
        }
    }

    /**
     * A normal-scoped bean's client proxy never changes, so its invoker takes the proxy (looked up
     * once by {@link MethodCall}) instead of looking the bean up on every call; a {@code @Dependent}
     * bean needs a new instance per call, and a bean restricted by {@code @Typed} to types other than
     * its class cannot be referenced by its class.
     */
    private static Bean<?> proxied(Bean<?> bean, Class<?> beanClass, BeanManager beanManager) {
        return beanManager.isNormalScope(bean.getScope()) && bean.getTypes().contains(beanClass) ? bean : null;
    }

    @SuppressWarnings("unchecked")
    private static <X> Invoker<Object, Object> invoker(ProcessManagedBean<X> event, AnnotatedMethod<? super X> method,
            boolean proxied) {
        // arguments are resolved by MethodCall, which validates them with the rest of the deployment
        var builder = event.createInvoker(method);
        return (Invoker<Object, Object>) (Invoker<?, ?>) (proxied ? builder.build()
                : builder.withInstanceLookup().build());
    }

    /**
     * Declares the channels of a broker to SmallRye Reactive Messaging before its own extension
     * wires them (at the default priority, after this one).
     */
    void declareChannels(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.LIBRARY_BEFORE) AfterDeploymentValidation event,
            BeanManager beanManager) {
        Map<String, MessagingBridge.Channels> channels = Settings.load().channels();
        if (channels.isEmpty()) {
            return;
        }
        String key = Settings.PREFIX + "topics.\"" + channels.keySet().iterator().next() + "\"";
        if (!OptionalApis.isPresent(Bridges.MEDIATOR_MANAGER)) {
            problems.add(key + " names a channel, but SmallRye Reactive Messaging is not on the class path: add"
                    + " io.smallrye.reactive:smallrye-reactive-messaging-provider and a connector (e.g."
                    + " smallrye-reactive-messaging-kafka), or remove the outgoing/incoming settings");
        } else if (!OptionalApis.isPresent(Bridges.OBJECT_MAPPER)) {
            problems.add(key + " names a channel, but Jackson is not on the class path: signals cross the broker as"
                    + " JSON; add com.fasterxml.jackson.core:jackson-databind");
        } else {
            bridge = Bridges.create(beanManager, channels, problems);
        }
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        Settings settings = Settings.load();
        List<String> problems = new ArrayList<>(this.problems);
        BusConfig config = settings.busConfig(problems);
        Map<MethodModel, FoundMethod> byModel = new LinkedHashMap<>(); // discovery order: a stable report
        for (FoundMethod method : found) {
            byModel.put(method.model(), method);
        }
        TopicGraph graph = TopicGraph.of(byModel.keySet(), ReflectionModels.hierarchy(classLoader()), settings::get);
        problems.addAll(graph.errors());

        Wiring wiring = new Wiring(beanManager, settings, problems);
        List<SubscriberSpec> subscribers = new ArrayList<>();
        int deliveryThreads = 0;
        for (TopicGraph.Subscriber subscriber : graph.subscribers()) {
            SubscriberSpec spec = wiring.subscriber(byModel.get(subscriber.method()), subscriber);
            if (spec != null) {
                subscribers.add(spec);
                deliveryThreads += spec.concurrency();
            }
        }
        List<PeriodicSpec> periodics = new ArrayList<>();
        for (TopicGraph.Periodic periodic : graph.periodics()) {
            PeriodicSpec spec = wiring.periodic(byModel.get(periodic.method()), periodic);
            if (spec != null) {
                periodics.add(spec);
            }
        }
        SignalBusEngine.Builder builder = SignalBusEngine.builder();
        if (config != null) {
            // the checks of settings and specs together (a @Batch larger than its queue), once in the engine
            builder.config(config);
            subscribers.forEach(builder::subscriber);
            periodics.forEach(builder::periodic);
            if (bridge != null) {
                bridge.configure(builder);
            }
            problems.addAll(builder.problems(Settings.PREFIX));
        }
        if (!problems.isEmpty()) {
            event.addDeploymentProblem(new DeploymentException(Problems.report(problems)));
            return;
        }
        for (String warning : graph.warnings()) {
            LOG.topicWarning(warning);
        }
        this.executors = BusExecutors.create(beanManager, deliveryThreads, periodics.size());
        Event<SignalFailure> failures = beanManager.getEvent().select(SignalFailure.class);
        builder.failureHandler(failures::fire);
        Instance<Object> beans = beanManager.createInstance();
        builder.transactions(JtaTransactions.support(type -> {
            Instance<?> registry = beans.select(type);
            return registry.isResolvable() ? registry.get() : null; // else JNDI, the Jakarta EE standard
        }));
        // the liveness check names deliveries running too long: they record their start only then
        builder.watchDeliveries(OptionalApis.isPresent(HealthChecks.HEALTH_CHECK));
        if (OptionalApis.isPresent(MeterRegistries.METER_REGISTRY)) {
            builder.metrics(MeterRegistries.metrics(beanManager));
        }
        if (OptionalApis.isPresent(OpenTelemetryBeans.OPEN_TELEMETRY)) {
            builder.tracing(OpenTelemetryBeans.tracing(beanManager));
        }
        if (executors.executor() != null) {
            builder.executor(executors.executor());
        }
        if (executors.scheduler() != null) {
            builder.scheduler(PeriodicScheduler.of(executors.scheduler()));
        }
        this.config = config;
        this.beanManager = beanManager;
        this.engine = builder.build();
    }

    private static ClassLoader classLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : SignalBusExtension.class.getClassLoader();
    }

    /** The engine; publishing is accepted (and kept) from the end of deployment validation. */
    SignalBusEngine engine() {
        SignalBusEngine current = engine;
        if (current == null) {
            throw new IllegalStateException("Signal Bus is not available before the deployment has been validated");
        }
        return current;
    }

    /** The engine, or {@code null} if the deployment has not been validated (or failed). */
    SignalBusEngine engineOrNull() {
        return engine;
    }

    void start() {
        SignalBusEngine current = engine;
        if (current != null && started.compareAndSet(false, true)) {
            MessagingBridge channels = bridge;
            if (channels != null) {
                // SmallRye Reactive Messaging wired its channels in its AfterDeploymentValidation observer
                channels.open(current, Bridges.registry(beanManager), config);
            }
            current.start();
            if (channels != null) {
                channels.startReceiving(current);
            }
        }
    }

    /** The drain; runs once, before any application bean is destroyed. */
    void drain() {
        SignalBusEngine current = engine;
        if (current == null || !drained.compareAndSet(false, true)) {
            return;
        }
        MessagingBridge channels = bridge;
        DrainReport report = channels != null ? channels.drain(current) : current.shutdown();
        LOG.undelivered(report);
        executors.shutdown(!report.complete());
    }

    void stopped(@Observes BeforeShutdown event) {
        // normally drained already; this releases the threads if the application scope never was destroyed
        drain();
    }
}
