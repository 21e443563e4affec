package dev.signalbus.cdi;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedParameter;

import dev.signalbus.Batch;
import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import dev.signalbus.model.MethodModel;
import dev.signalbus.model.MethodModel.BatchModel;
import dev.signalbus.model.MethodModel.ParamModel;
import dev.signalbus.model.MethodModel.PeriodicModel;
import dev.signalbus.model.ReflectionModels;

/**
 * Reads bean methods into the container-neutral {@link MethodModel}. Annotations come from the
 * container's annotated type, so that changes made by other extensions
 * ({@code ProcessAnnotatedType}) count; types come from reflection.
 */
final class AnnotatedMethods {

    private AnnotatedMethods() {
    }

    /** Whether {@code method} carries {@code @Publishes}, {@code @Batch}, {@code @PeriodicTask} or a {@code @Subscribes} parameter. */
    static boolean isSignalBusMethod(AnnotatedMethod<?> method) {
        if (method.getJavaMember().isBridge()) {
            return false; // javac copies annotations onto bridges; the real method is read instead
        }
        if (method.isAnnotationPresent(Publishes.class) || method.isAnnotationPresent(Batch.class)
                || method.isAnnotationPresent(PeriodicTask.class)) {
            return true;
        }
        return isSubscriber(method);
    }

    /** Whether a parameter of {@code method} carries {@code @Subscribes}. */
    static boolean isSubscriber(AnnotatedMethod<?> method) {
        for (AnnotatedParameter<?> parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(Subscribes.class)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The model of {@code method} as a method of {@code beanClass}: a method inherited by two beans is
     * a subscriber of each, named after each bean class, as CDI observer methods are.
     */
    static MethodModel model(Class<?> beanClass, AnnotatedMethod<?> method) {
        List<ParamModel> parameters = new ArrayList<>();
        for (AnnotatedParameter<?> parameter : method.getParameters()) {
            Subscribes subscribes = parameter.getAnnotation(Subscribes.class);
            parameters.add(new ParamModel(ReflectionModels.typeRef(parameter.getBaseType()),
                    subscribes == null ? null : subscribes.value(), subscribes == null ? 1 : subscribes.concurrency(),
                    subscribes == null ? "" : subscribes.key()));
        }
        Publishes publishes = method.getAnnotation(Publishes.class);
        Batch batch = method.getAnnotation(Batch.class);
        PeriodicTask periodic = method.getAnnotation(PeriodicTask.class);
        int modifiers = method.getJavaMember().getModifiers();
        return new MethodModel(beanClass.getName(), method.getJavaMember().getName(),
                Modifier.isPrivate(modifiers), Modifier.isStatic(modifiers),
                ReflectionModels.typeRef(method.getBaseType()), parameters,
                publishes == null ? null : publishes.value(),
                batch == null ? null : new BatchModel(batch.maxSize(), batch.maxWait()),
                periodic == null ? null : new PeriodicModel(periodic.every(), periodic.delay()));
    }
}
