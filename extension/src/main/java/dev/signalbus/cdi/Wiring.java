package dev.signalbus.cdi;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;

import dev.signalbus.engine.PeriodicSpec;
import dev.signalbus.engine.Specs;
import dev.signalbus.engine.SubscriberSpec;
import dev.signalbus.model.Problems;
import dev.signalbus.model.ReflectionModels;
import dev.signalbus.model.TopicGraph;

/**
 * Turns the validated topic graph into the engine's specs, adding the checks only the container can
 * make (injected parameters, loadable signal types, configured durations) to one list of problems.
 * A spec is returned only when its method has no problem.
 */
final class Wiring {

    private final BeanManager beanManager;
    private final Settings settings;
    private final RequestContexts requestContext;
    private final List<String> problems;
    private final Specs specs;

    Wiring(BeanManager beanManager, Settings settings, List<String> problems) {
        this.beanManager = beanManager;
        this.settings = settings;
        this.problems = problems;
        this.specs = new Specs(settings::get, settings.describe(), problems);
        // one for every call, held for the lifetime of the deployment
        this.requestContext = RequestContexts.of(beanManager);
    }

    /** @return the spec, or {@code null} when a problem was added */
    SubscriberSpec subscriber(FoundMethod method, TopicGraph.Subscriber subscriber) {
        MethodCall call = call(method, subscriber.signalIndex());
        Class<?> signalType = signalType(method, subscriber.signalClass());
        Function<Object, Object> key = null;
        boolean keyRead = true;
        if (subscriber.key() != null && signalType != null) {
            key = key(method, signalType, subscriber.keyName());
            keyRead = key != null;
        }
        return specs.subscriber(method.model().signature(), subscriber.topic(), method.model().target(), signalType,
                subscriber.concurrency(), subscriber.batchMaxSize(), subscriber.batchMaxWait(),
                call == null || !keyRead ? null : call::call, key);
    }

    /**
     * Reads the key through a method handle made once here (the topic graph has checked that the
     * accessor exists where it could see the class).
     *
     * @return the reader, or {@code null} when a problem was added
     */
    private Function<Object, Object> key(FoundMethod method, Class<?> signalType, String name) {
        Member member = ReflectionModels.keyMember(signalType, name);
        if (member == null) {
            problems.add(method.model().signature() + " has @Subscribes(key = \"" + name + "\"), but its signal type "
                    + signalType.getName() + " has no public accessor of that name: add " + name + "() or a public "
                    + "field " + name + ", or name an accessor the type has");
            return null;
        }
        MethodHandle handle;
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            handle = member instanceof Method accessor ? lookup.unreflect(accessor)
                    : lookup.unreflectGetter((Field) member);
        } catch (IllegalAccessException e) {
            problems.add(method.model().signature() + ": the key accessor " + member + " cannot be called: " + e
                    + "; make it and its class public");
            return null;
        }
        MethodHandle reader = handle.asType(MethodType.methodType(Object.class, Object.class));
        return signal -> {
            try {
                return reader.invokeExact(signal);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        };
    }

    /** @return the spec, or {@code null} when a problem was added */
    PeriodicSpec periodic(FoundMethod method, TopicGraph.Periodic periodic) {
        MethodCall call = call(method, -1);
        return specs.periodic(method.model().signature(), method.model().target(), periodic.every(),
                periodic.delay(), call == null ? null : () -> call.call(null));
    }

    /** The call of a subscriber ({@code signalIndex >= 0}) or periodic method; every other parameter is injected. */
    private MethodCall call(FoundMethod method, int signalIndex) {
        List<? extends AnnotatedParameter<?>> parameters = method.method().getParameters();
        int injected = signalIndex < 0 ? parameters.size() : parameters.size() - 1;
        int[] positions = new int[injected];
        InjectionPoint[] points = new InjectionPoint[injected];
        boolean resolvable = true;
        int next = 0;
        for (AnnotatedParameter<?> parameter : parameters) {
            if (parameter.getPosition() == signalIndex) {
                continue;
            }
            String problem;
            try {
                InjectionPoint point = beanManager.createInjectionPoint(parameter);
                positions[next] = parameter.getPosition();
                points[next++] = point;
                problem = unresolvable(method, parameter, point);
            } catch (RuntimeException e) {
                problem = method.model().signature() + ": parameter " + parameter.getPosition() + " '"
                        + parameter.getJavaParameter().getName() + "' (" + parameter.getBaseType().getTypeName()
                        + ") is not a valid injection point: "
                        + e.getMessage();
            }
            if (problem != null) {
                resolvable = false;
                problems.add(problem);
            }
        }
        if (!resolvable || method.invoker() == null) {
            return null;
        }
        return new MethodCall(method.invoker(), parameters.size(), signalIndex, positions, points, beanManager,
                requestContext, method.proxiedBean());
    }

    /** @return the problem, or {@code null} when exactly one bean satisfies the parameter */
    private String unresolvable(FoundMethod method, AnnotatedParameter<?> parameter, InjectionPoint point) {
        Set<Bean<?>> beans = beanManager.getBeans(point.getType(), point.getQualifiers().toArray(new Annotation[0]));
        String signature = method.model().signature();
        String name = parameter.getJavaParameter().getName();
        String type = point.getType().getTypeName();
        if (beans.isEmpty()) {
            return Problems.unsatisfied(signature, parameter.getPosition(), name, type, qualifiers(point));
        }
        try {
            beanManager.resolve(beans);
            return null;
        } catch (AmbiguousResolutionException e) {
            List<String> classes = new ArrayList<>();
            for (Bean<?> bean : beans) {
                classes.add(bean.getBeanClass().getName());
            }
            return Problems.ambiguous(signature, parameter.getPosition(), name, type, qualifiers(point), classes);
        }
    }

    /** The qualifiers but {@code @Default}, as {@code @Named("mailer")}: the words of the Quarkus front door. */
    private static List<String> qualifiers(InjectionPoint point) {
        List<String> written = new ArrayList<>();
        for (Annotation qualifier : point.getQualifiers()) {
            if (qualifier.annotationType() != Default.class) {
                String text = qualifier.toString();
                String name = "@" + qualifier.annotationType().getName();
                written.add(text.startsWith(name) ? "@" + qualifier.annotationType().getSimpleName()
                        + text.substring(name.length()) : text);
            }
        }
        return written;
    }

    private Class<?> signalType(FoundMethod method, String name) {
        try {
            return Class.forName(name, false, method.beanClass().getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            problems.add(method.model().signature() + ": the signal type " + name + " cannot be loaded: " + e);
            return null;
        }
    }
}
