package dev.signalbus.quarkus.deployment;

import java.lang.constant.ClassDesc;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.invoke.Invoker;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationTransformation;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.MethodSignatureKey;
import org.jboss.jandex.PrimitiveType;

import dev.signalbus.Publishes;
import dev.signalbus.SignalBus;
import dev.signalbus.engine.BusLog;
import dev.signalbus.model.KeyAccessor;
import dev.signalbus.model.MethodModel;
import dev.signalbus.model.Problems;
import dev.signalbus.model.TopicGraph;
import dev.signalbus.quarkus.deployment.DiscoveredMethodsBuildItem.BeanMethod;
import dev.signalbus.quarkus.runtime.ExecutionModel;
import dev.signalbus.quarkus.runtime.Invokers;
import dev.signalbus.quarkus.runtime.PeriodicDefinition;
import dev.signalbus.quarkus.runtime.ArcPublishesInterceptor;
import dev.signalbus.quarkus.runtime.SignalBusLifecycle;
import dev.signalbus.quarkus.runtime.SignalBusChannels;
import dev.signalbus.quarkus.runtime.SignalBusLivenessCheck;
import dev.signalbus.quarkus.runtime.SignalBusReadinessCheck;
import dev.signalbus.quarkus.runtime.SignalBusRecorder;
import dev.signalbus.quarkus.runtime.SubscriberDefinition;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.AnnotationsTransformerBuildItem;
import io.quarkus.arc.deployment.AutoAddScopeBuildItem;
import io.quarkus.arc.deployment.BeanArchiveIndexBuildItem;
import io.quarkus.arc.deployment.BeanRegistrationPhaseBuildItem;
import io.quarkus.arc.deployment.InvokerFactoryBuildItem;
import io.quarkus.arc.deployment.ObserverRegistrationPhaseBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem.BeanClassAnnotationExclusion;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.arc.processor.InvokerBuilder;
import io.quarkus.arc.processor.InvokerInfo;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.GeneratedClassGizmoAdaptor;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.GeneratedClassBuildItem;
import io.quarkus.deployment.execannotations.ExecutionModelAnnotationsAllowedBuildItem;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.deployment.recording.RecorderContext;
import io.quarkus.gizmo.BytecodeCreator;
import io.quarkus.gizmo.ClassCreator;
import io.quarkus.gizmo.ClassOutput;
import io.quarkus.gizmo.MethodCreator;
import io.quarkus.gizmo.MethodDescriptor;
import io.quarkus.gizmo.ResultHandle;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.quarkus.scheduler.deployment.ForceStartSchedulerBuildItem;

/**
 * The Signal Bus at build time, in steps connected by build items: {@link #discover} finds the methods of the beans
 * ({@link DiscoveredMethodsBuildItem}), {@link #validate} checks them with the shared {@link TopicGraph} (a
 * {@link ValidTopicGraphBuildItem}, or a {@link SignalBusProblemsBuildItem} that {@link #reportProblems} reports in one
 * failure), {@link #invokers} creates an ArC invoker for each subscriber and periodic task
 * ({@link SubscriberMethodBuildItem}, {@link PeriodicMethodBuildItem}), and {@link #bus} generates
 * {@code Invokers_Generated} and records the bus.
 */
class SignalBusProcessor {

    private static final BusLog LOG = BusLog.of(SignalBusProcessor.class);
    static final String FEATURE = "signal-bus";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    AdditionalBeanBuildItem beans() {
        // Publishes is listed so that ArC knows the interceptor binding: the signal-bus jar is not a bean archive.
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(Publishes.class, ArcPublishesInterceptor.class, SignalBusLifecycle.class)
                .setUnremovable()
                .build();
    }

    @BuildStep
    AutoAddScopeBuildItem autoAddScope() {
        return AutoAddScopeBuildItem.builder()
                .containsAnnotations(DotNames.SUBSCRIBES, DotNames.PERIODIC_TASK)
                .defaultScope(BuiltinScope.SINGLETON)
                .unremovable()
                .reason("Found Signal Bus subscriber or periodic task methods")
                .build();
    }

    @BuildStep
    void unremovableBeans(BuildProducer<UnremovableBeanBuildItem> unremovable) {
        // only the bus calls these beans, through invokers
        unremovable.produce(new UnremovableBeanBuildItem(new BeanClassAnnotationExclusion(DotNames.SUBSCRIBES)));
        unremovable.produce(new UnremovableBeanBuildItem(new BeanClassAnnotationExclusion(DotNames.PERIODIC_TASK)));
        // looked up at run time when quarkus-narayana-jta is present: signals follow the transaction
        unremovable.produce(UnremovableBeanBuildItem.beanTypes(DotNames.TRANSACTION_SYNCHRONIZATION_REGISTRY));
    }

    @BuildStep
    ExecutionModelAnnotationsAllowedBuildItem executionModelAnnotations() {
        return new ExecutionModelAnnotationsAllowedBuildItem(new Predicate<MethodInfo>() {
            @Override
            public boolean test(MethodInfo method) {
                return method.hasDeclaredAnnotation(DotNames.PERIODIC_TASK) || JandexModels.subscribesIndex(method) >= 0;
            }
        });
    }

    @BuildStep
    void forceSchedulerStart(CombinedIndexBuildItem index, BuildProducer<ForceStartSchedulerBuildItem> forceStart) {
        // programmatic jobs need a started scheduler even without any @Scheduled method
        if (!index.getIndex().getAnnotations(DotNames.PERIODIC_TASK).isEmpty()) {
            forceStart.produce(new ForceStartSchedulerBuildItem());
        }
    }

    /** Discovery: the Signal Bus methods of the beans, and the classes whose annotations the bus cannot use. */
    @BuildStep
    void discover(BeanRegistrationPhaseBuildItem registration, BeanArchiveIndexBuildItem beanArchiveIndex,
            BuildProducer<DiscoveredMethodsBuildItem> discovered) {
        IndexView index = beanArchiveIndex.getIndex();
        List<DotName> publishesOnClass = new ArrayList<>();
        Set<DotName> declaringClasses = declaringClasses(index, publishesOnClass);
        if (declaringClasses.isEmpty() && publishesOnClass.isEmpty()) {
            return;
        }
        Map<MethodModel, BeanMethod> methods = new HashMap<>();
        Set<DotName> classesOfBeans = new HashSet<>();
        for (BeanInfo bean : registration.getContext().beans().classBeans()) {
            collectMethods(bean, index, declaringClasses, classesOfBeans, methods);
        }
        List<ClassInfo> notBeans = new ArrayList<>();
        for (DotName declaringClass : declaringClasses) {
            ClassInfo info = index.getClassByName(declaringClass);
            // an abstract class without bean subclasses, or an interface, has nothing to call
            if (!classesOfBeans.contains(declaringClass) && info != null && !info.isInterface() && !info.isAbstract()) {
                notBeans.add(info);
            }
        }
        discovered.produce(new DiscoveredMethodsBuildItem(methods, publishesOnClass, notBeans));
    }

    /**
     * Validation: the topic graph and what only the Quarkus build knows (execution models, key accessors in the
     * index). Every problem goes into one {@link SignalBusProblemsBuildItem}, reported by {@link #reportProblems};
     * without problems, the graph goes on to {@link #invokers}.
     */
    @BuildStep
    void validate(Optional<DiscoveredMethodsBuildItem> discovered, BeanRegistrationPhaseBuildItem registration,
            CombinedIndexBuildItem combinedIndex, BuildProducer<ValidTopicGraphBuildItem> valid,
            BuildProducer<SignalBusProblemsBuildItem> problemsItem) {
        if (discovered.isEmpty()) {
            return;
        }
        Map<MethodModel, BeanMethod> methods = discovered.get().methods;
        Set<String> problems = new LinkedHashSet<>();
        for (DotName annotatedClass : discovered.get().publishesOnClass) {
            problems.add(Problems.publishesOnClass(annotatedClass.toString()));
        }
        for (ClassInfo notBean : discovered.get().notBeans) {
            notABean(notBean, problems);
        }

        TopicGraph graph = TopicGraph.of(methods.keySet(), JandexModels.hierarchy(combinedIndex.getComputingIndex()),
                new Function<String, String>() {
                    @Override
                    public String apply(String key) {
                        // config expressions are resolved, and checked, when the application starts
                        return null;
                    }
                });
        problems.addAll(graph.errors());
        for (String warning : graph.warnings()) {
            LOG.topicWarning(warning);
        }

        Map<MethodModel, ExecutionModel> executionModels = new HashMap<>();
        for (TopicGraph.Subscriber subscriber : graph.subscribers()) {
            if (subscriber.key() == KeyAccessor.UNKNOWN) {
                // the key is read by generated code: its accessor must be known now
                problems.add(subscriber.method().signature() + " has @Subscribes(key = \"" + subscriber.keyName()
                        + "\"), but its signal type " + subscriber.signalClass() + " is not in the index, so its "
                        + "accessor cannot be found at build time; add the type's archive to the index (e.g. "
                        + "quarkus.index-dependency) or key on a type of the application");
            }
            executionModels.put(subscriber.method(),
                    executionModel(methods.get(subscriber.method()).method(), subscriber.method(), problems));
        }
        for (TopicGraph.Periodic periodic : graph.periodics()) {
            executionModels.put(periodic.method(),
                    executionModel(methods.get(periodic.method()).method(), periodic.method(), problems));
        }

        if (!problems.isEmpty()) {
            // No invokers: ArC would stop at the first unresolvable one and hide our problems. The injected parameters
            // are checked after bean registration instead (reportProblems), so that one failure lists everything.
            problemsItem.produce(new SignalBusProblemsBuildItem(new ArrayList<>(problems), lookups(graph, methods),
                    registration.getBeanProcessor().getBeanDeployment()));
            return;
        }
        valid.produce(new ValidTopicGraphBuildItem(graph, methods, executionModels));
    }

    /**
     * An ArC invoker for each subscriber and periodic task of a valid graph. ArC validates the looked-up parameters of
     * these invokers: unsatisfied or ambiguous ones fail the build.
     */
    @BuildStep
    void invokers(Optional<ValidTopicGraphBuildItem> valid, InvokerFactoryBuildItem invokerFactory,
            BuildProducer<SubscriberMethodBuildItem> subscribers, BuildProducer<PeriodicMethodBuildItem> periodics) {
        if (valid.isEmpty()) {
            return;
        }
        ValidTopicGraphBuildItem item = valid.get();
        for (TopicGraph.Subscriber subscriber : item.graph.subscribers()) {
            subscribers.produce(new SubscriberMethodBuildItem(subscriber, item.executionModels.get(subscriber.method()),
                    invoker(invokerFactory, item.methods.get(subscriber.method()), subscriber.signalIndex())));
        }
        for (TopicGraph.Periodic periodic : item.graph.periodics()) {
            periodics.produce(new PeriodicMethodBuildItem(periodic, item.executionModels.get(periodic.method()),
                    invoker(invokerFactory, item.methods.get(periodic.method()), -1)));
        }
    }

    /** Looks up the bean instance and every parameter except the signal's. */
    private static InvokerInfo invoker(InvokerFactoryBuildItem invokerFactory, BeanMethod beanMethod,
            int signalIndex) {
        InvokerBuilder builder = invokerFactory.createInvoker(beanMethod.bean(), beanMethod.method())
                .withInstanceLookup();
        for (int i = 0; i < beanMethod.method().parametersCount(); i++) {
            if (i != signalIndex) {
                builder.withArgumentLookup(i);
            }
        }
        return builder.build();
    }

    private static List<SignalBusProblemsBuildItem.Lookups> lookups(TopicGraph graph,
            Map<MethodModel, BeanMethod> methods) {
        List<SignalBusProblemsBuildItem.Lookups> lookups = new ArrayList<>();
        for (TopicGraph.Subscriber subscriber : graph.subscribers()) {
            lookups.add(new SignalBusProblemsBuildItem.Lookups(subscriber.method().signature(),
                    methods.get(subscriber.method()).method(), subscriber.signalIndex()));
        }
        for (TopicGraph.Periodic periodic : graph.periodics()) {
            lookups.add(new SignalBusProblemsBuildItem.Lookups(periodic.method().signature(),
                    methods.get(periodic.method()).method(), -1));
        }
        return lookups;
    }

    @BuildStep
    void reportProblems(ObserverRegistrationPhaseBuildItem afterSyntheticBeans,
            Optional<SignalBusProblemsBuildItem> problemsItem,
            BuildProducer<ValidationErrorBuildItem> validationErrors,
            BuildProducer<ObserverRegistrationPhaseBuildItem.ObserverConfiguratorBuildItem> beforeRemoval) {
        // beforeRemoval is never produced: declaring it makes ArC wait for this step before it removes unused beans,
        // which the resolver below must still see (otherwise an ambiguous parameter may pass for unsatisfied)
        if (problemsItem.isEmpty()) {
            return;
        }
        SignalBusProblemsBuildItem failing = problemsItem.get();
        List<String> problems = new ArrayList<>(failing.problems);
        problems.addAll(InjectionChecks.check(failing.lookups, failing.beanDeployment));
        // one failure listing them all, in the words of the portable extension
        validationErrors.produce(new ValidationErrorBuildItem(new DeploymentException(Problems.report(problems))));
    }

    @BuildStep
    AnnotationsTransformerBuildItem ignorePrivatePublishers() {
        // ArC fails at once on an interceptor binding of a private method; leave it to our validation, which reports
        // it with every other problem
        return new AnnotationsTransformerBuildItem(AnnotationTransformation.forMethods()
                .whenMethod(new Predicate<MethodInfo>() {
                    @Override
                    public boolean test(MethodInfo method) {
                        return Modifier.isPrivate(method.flags()) && method.hasDeclaredAnnotation(DotNames.PUBLISHES);
                    }
                })
                .transform(new Consumer<AnnotationTransformation.TransformationContext>() {
                    @Override
                    public void accept(AnnotationTransformation.TransformationContext context) {
                        context.remove(new Predicate<AnnotationInstance>() {
                            @Override
                            public boolean test(AnnotationInstance annotation) {
                                return annotation.name().equals(DotNames.PUBLISHES);
                            }
                        });
                    }
                }));
    }

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    SyntheticBeanBuildItem bus(SignalBusRecorder recorder, RecorderContext recorderContext,
            List<SubscriberMethodBuildItem> subscriberMethods, List<PeriodicMethodBuildItem> periodicMethods,
            CombinedIndexBuildItem combinedIndex, BuildProducer<GeneratedClassBuildItem> generatedClasses,
            Capabilities capabilities, Optional<MetricsCapabilityBuildItem> metricsCapability) {
        List<String> invokerClasses = new ArrayList<>();
        List<AnnotationTarget> keyReaders = new ArrayList<>();
        List<SubscriberMethodBuildItem> sortedSubscribers = new ArrayList<>(subscriberMethods);
        Collections.sort(sortedSubscribers);
        List<SubscriberDefinition> subscribers = new ArrayList<>();
        for (SubscriberMethodBuildItem item : sortedSubscribers) {
            TopicGraph.Subscriber subscriber = item.subscriber;
            subscribers.add(new SubscriberDefinition(subscriber.topic(), subscriber.method().target(),
                    subscriber.method().signature(), subscriber.signalClass(), subscriber.concurrency(), subscriber.batchMaxSize(),
                    subscriber.batchMaxWait(), subscriber.signalIndex(), subscriber.method().parameters().size(),
                    item.executionModel, number(invokerClasses, item.invoker),
                    keyReader(combinedIndex.getComputingIndex(), subscriber.key(), keyReaders)));
        }
        List<PeriodicMethodBuildItem> sortedPeriodics = new ArrayList<>(periodicMethods);
        Collections.sort(sortedPeriodics);
        List<PeriodicDefinition> periodics = new ArrayList<>();
        for (PeriodicMethodBuildItem item : sortedPeriodics) {
            TopicGraph.Periodic periodic = item.periodic;
            periodics.add(new PeriodicDefinition(periodic.method().target(),
                    periodic.method().signature(), periodic.every(), periodic.delay(),
                    periodic.method().parameters().size(), item.executionModel, number(invokerClasses, item.invoker)));
        }
        generateInvokers(new GeneratedClassGizmoAdaptor(generatedClasses, true), invokerClasses, keyReaders);
        @SuppressWarnings({ "unchecked", "rawtypes" })
        RuntimeValue<Invokers> invokers = (RuntimeValue) recorderContext.newInstance(Invokers.GENERATED);
        return SyntheticBeanBuildItem.configure(SignalBus.class)
                .scope(ApplicationScoped.class)
                .unremovable()
                .createWith(recorder.createBus(subscribers, periodics, invokers, micrometer(metricsCapability),
                        capabilities.isPresent(Capability.SMALLRYE_HEALTH),
                        capabilities.isPresent(Capability.OPENTELEMETRY_TRACER),
                        capabilities.isPresent(Capability.MESSAGING)))
                .done();
    }

    /** Whether the application has Micrometer with metrics enabled ({@code quarkus-micrometer}). */
    private static boolean micrometer(Optional<MetricsCapabilityBuildItem> metricsCapability) {
        return metricsCapability.isPresent() && metricsCapability.get().metricsSupported(MetricsFactory.MICROMETER);
    }

    /** The bridge to Reactive Messaging, only with a messaging extension ({@code quarkus-messaging-kafka}, ...). */
    @BuildStep
    void channels(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans,
            BuildProducer<UnremovableBeanBuildItem> unremovable) {
        if (capabilities.isPresent(Capability.MESSAGING)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(SignalBusChannels.class));
            unremovable.produce(UnremovableBeanBuildItem.beanTypes(
                    DotName.createSimple("io.smallrye.reactive.messaging.providers.extension.MediatorManager"),
                    DotName.createSimple("io.smallrye.reactive.messaging.ChannelRegistry"),
                    DotName.createSimple("com.fasterxml.jackson.databind.ObjectMapper")));
        }
    }

    @BuildStep
    void healthChecks(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
            beans.produce(AdditionalBeanBuildItem.builder()
                    .addBeanClasses(SignalBusReadinessCheck.class, SignalBusLivenessCheck.class)
                    .setUnremovable()
                    .build());
        }
    }

    /** Numbers an invoker: its index in {@code classes}, the argument of {@link Invokers#create}. */
    private static int number(List<String> classes, InvokerInfo invoker) {
        ClassDesc desc = invoker.getClassDesc();
        String packageName = desc.packageName();
        classes.add(packageName.isEmpty() ? desc.displayName() : packageName + "." + desc.displayName());
        return classes.size() - 1;
    }

    /** Methods of at most this many cases each: a class file caps a method at 64 KB of code. */
    private static final int CASES_PER_METHOD = 500;

    /**
     * {@code Invokers_Generated}: {@code create(i)} returns {@code new} invoker number {@code i}, so that
     * each invoker class loads at its method's first call, not all at start-up (no reflection).
     */
    static void generateInvokers(ClassOutput output, List<String> invokerClasses, List<AnnotationTarget> keyReaders) {
        try (ClassCreator creator = ClassCreator.builder().classOutput(output).className(Invokers.GENERATED)
                .interfaces(Invokers.class).setFinal(true).build()) {
            MethodCreator create = creator.getMethodCreator("create", Invoker.class, int.class);
            ResultHandle index = create.getMethodParam(0);
            for (int from = 0; from < invokerClasses.size(); from += CASES_PER_METHOD) {
                int to = Math.min(invokerClasses.size(), from + CASES_PER_METHOD);
                MethodCreator part = creator.getMethodCreator("create" + from, Invoker.class, int.class)
                        .setModifiers(Modifier.PRIVATE | Modifier.STATIC);
                for (int i = from; i < to; i++) {
                    BytecodeCreator match = part.ifIntegerEqual(part.getMethodParam(0), part.load(i)).trueBranch();
                    match.returnValue(match.newInstance(MethodDescriptor.ofConstructor(invokerClasses.get(i))));
                }
                part.throwException(IllegalArgumentException.class, "No Signal Bus invoker in this part");
                BytecodeCreator inPart = create.ifIntegerLessThan(index, create.load(to)).trueBranch();
                inPart.returnValue(inPart.invokeStaticMethod(part.getMethodDescriptor(), index));
            }
            create.throwException(IllegalArgumentException.class, "No Signal Bus invoker of this number");

            MethodCreator key = creator.getMethodCreator("key", Object.class, int.class, Object.class);
            for (int i = 0; i < keyReaders.size(); i++) {
                BytecodeCreator match = key.ifIntegerEqual(key.getMethodParam(0), key.load(i)).trueBranch();
                AnnotationTarget member = keyReaders.get(i);
                ResultHandle value;
                org.jboss.jandex.Type type;
                if (member.kind() == AnnotationTarget.Kind.FIELD) {
                    FieldInfo field = member.asField();
                    type = field.type();
                    value = match.readInstanceField(field,
                            match.checkCast(match.getMethodParam(1), field.declaringClass().name().toString()));
                } else {
                    MethodInfo method = member.asMethod();
                    type = method.returnType();
                    ResultHandle signal = match.checkCast(match.getMethodParam(1),
                            method.declaringClass().name().toString());
                    value = method.declaringClass().isInterface() ? match.invokeInterfaceMethod(method, signal)
                            : match.invokeVirtualMethod(method, signal);
                }
                if (type.kind() == org.jboss.jandex.Type.Kind.PRIMITIVE) {
                    value = match.smartCast(value, PrimitiveType.box(type.asPrimitiveType()).name().toString());
                }
                match.returnValue(value);
            }
            key.throwException(IllegalArgumentException.class, "No Signal Bus key reader of this number");
        }
    }

    /** Numbers the member that reads a subscriber's key; {@code -1} without a key. */
    private static int keyReader(IndexView index, KeyAccessor accessor, List<AnnotationTarget> readers) {
        if (accessor == null) {
            return -1;
        }
        ClassInfo owner = index.getClassByName(DotName.createSimple(accessor.owner()));
        readers.add(accessor.field() ? owner.field(accessor.member()) : owner.method(accessor.member()));
        return readers.size() - 1;
    }

    /**
     * Classes that declare Signal Bus methods; a class annotated with {@code @Publishes} itself goes to
     * {@code publishesOnClass}.
     */
    private static Set<DotName> declaringClasses(IndexView index, List<DotName> publishesOnClass) {
        Set<DotName> classes = new TreeSet<>();
        for (DotName annotation : List.of(DotNames.PUBLISHES, DotNames.SUBSCRIBES, DotNames.BATCH,
                DotNames.PERIODIC_TASK)) {
            for (AnnotationInstance instance : index.getAnnotations(annotation)) {
                AnnotationTarget target = instance.target();
                switch (target.kind()) {
                    case METHOD:
                        classes.add(target.asMethod().declaringClass().name());
                        break;
                    case METHOD_PARAMETER:
                        classes.add(target.asMethodParameter().method().declaringClass().name());
                        break;
                    case CLASS:
                        if (!target.asClass().name().equals(DotName.createSimple(ArcPublishesInterceptor.class))) {
                            publishesOnClass.add(target.asClass().name());
                        }
                        break;
                    default:
                        break;
                }
            }
        }
        return classes;
    }

    /** The Signal Bus methods of a bean: declared by its class or inherited, named after the bean class. */
    private static void collectMethods(BeanInfo bean, IndexView index, Set<DotName> declaringClasses,
            Set<DotName> classesOfBeans, Map<MethodModel, BeanMethod> methods) {
        ClassInfo beanClass = bean.getImplClazz();
        Set<MethodSignatureKey> seen = new HashSet<>();
        ClassInfo current = beanClass;
        while (current != null) {
            if (declaringClasses.contains(current.name())) {
                classesOfBeans.add(current.name());
                for (MethodInfo method : current.methods()) {
                    if (method.isSynthetic() || method.isConstructor() || method.isStaticInitializer()
                            || !seen.add(method.signatureKey())) {
                        continue;
                    }
                    if (JandexModels.isSignalBusMethod(method)) {
                        methods.put(JandexModels.methodModel(beanClass, method), new BeanMethod(bean, method));
                    }
                }
            } else {
                for (MethodInfo method : current.methods()) {
                    seen.add(method.signatureKey());
                }
            }
            DotName superName = current.superName();
            current = superName == null || superName.equals(DotNames.OBJECT) ? null : index.getClassByName(superName);
        }
    }

    /** Each Signal Bus method of a concrete class that is no bean is a problem. */
    private static void notABean(ClassInfo declaringClass, Set<String> problems) {
        for (MethodInfo method : declaringClass.methods()) {
            if (JandexModels.isSignalBusMethod(method)) {
                problems.add(declaringClass.name() + "#" + method.name() + ": the class is not a CDI bean, so the bus "
                        + "cannot call or intercept it; give " + declaringClass.name().withoutPackagePrefix()
                        + " a bean scope such as @ApplicationScoped (and do not veto it)");
            }
        }
    }

    /** Quarkus' conventions: annotations first (method, then class), then the return type. */
    private static ExecutionModel executionModel(MethodInfo method, MethodModel model, Set<String> problems) {
        ExecutionModel declared = declaredExecutionModel(method, model, problems);
        if (declared == null) {
            declared = declaredExecutionModel(method.declaringClass(), model, problems);
        }
        if (declared != null) {
            return declared;
        }
        DotName returnType = method.returnType().name();
        return returnType.equals(DotNames.UNI) || returnType.equals(DotNames.COMPLETION_STAGE)
                ? ExecutionModel.NON_BLOCKING
                : ExecutionModel.BLOCKING;
    }

    private static ExecutionModel declaredExecutionModel(AnnotationTarget target, MethodModel model,
            Set<String> problems) {
        boolean virtualThread = has(target, DotNames.RUN_ON_VIRTUAL_THREAD);
        boolean blocking = has(target, DotNames.BLOCKING);
        boolean nonBlocking = has(target, DotNames.NON_BLOCKING);
        if ((virtualThread ? 1 : 0) + (blocking ? 1 : 0) + (nonBlocking ? 1 : 0) > 1) {
            problems.add(model.target() + ": @Blocking, @NonBlocking and @RunOnVirtualThread exclude each other; keep "
                    + "one of them");
        }
        if (virtualThread) {
            return ExecutionModel.VIRTUAL_THREAD;
        }
        if (blocking) {
            return ExecutionModel.BLOCKING;
        }
        return nonBlocking ? ExecutionModel.NON_BLOCKING : null;
    }

    private static boolean has(AnnotationTarget target, DotName annotation) {
        return target.kind() == AnnotationTarget.Kind.METHOD ? target.asMethod().hasDeclaredAnnotation(annotation)
                : target.asClass().hasDeclaredAnnotation(annotation);
    }
}
