package dev.signalbus.model;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.signalbus.Batch;
import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import dev.signalbus.model.MethodModel.BatchModel;
import dev.signalbus.model.MethodModel.ParamModel;
import dev.signalbus.model.MethodModel.PeriodicModel;

/**
 * Reads the model from reflection, for the portable CDI extension. Used at deployment time only,
 * never on the publish or delivery path.
 *
 * <pre>{@code
 * if (ReflectionModels.isSignalBusMethod(method)) {
 *     methods.add(ReflectionModels.methodModel(method));
 * }
 * TopicGraph graph = TopicGraph.of(methods, ReflectionModels.hierarchy(loader), config);
 * }</pre>
 */
public final class ReflectionModels {

    private ReflectionModels() {
    }

    /** Whether {@code method} carries {@code @Publishes}, {@code @Batch}, {@code @PeriodicTask} or a {@code @Subscribes} parameter. */
    public static boolean isSignalBusMethod(Method method) {
        if (method.isAnnotationPresent(Publishes.class) || method.isAnnotationPresent(Batch.class)
                || method.isAnnotationPresent(PeriodicTask.class)) {
            return true;
        }
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(Subscribes.class)) {
                return true;
            }
        }
        return false;
    }

    /** The model of {@code method}: its modifiers, generic types and Signal Bus annotations as written. */
    public static MethodModel methodModel(Method method) {
        List<ParamModel> parameters = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            Subscribes subscribes = parameter.getAnnotation(Subscribes.class);
            parameters.add(new ParamModel(typeRef(parameter.getParameterizedType()),
                    subscribes == null ? null : subscribes.value(), subscribes == null ? 1 : subscribes.concurrency(),
                    subscribes == null ? "" : subscribes.key()));
        }
        Publishes publishes = method.getAnnotation(Publishes.class);
        Batch batch = method.getAnnotation(Batch.class);
        PeriodicTask periodic = method.getAnnotation(PeriodicTask.class);
        int modifiers = method.getModifiers();
        return new MethodModel(method.getDeclaringClass().getName(), method.getName(), Modifier.isPrivate(modifiers),
                Modifier.isStatic(modifiers), typeRef(method.getGenericReturnType()), parameters,
                publishes == null ? null : publishes.value(),
                batch == null ? null : new BatchModel(batch.maxSize(), batch.maxWait()),
                periodic == null ? null : new PeriodicModel(periodic.every(), periodic.delay()));
    }

    /** The neutral form of a reflected type. */
    public static TypeRef typeRef(Type type) {
        return typeRef(type, new HashSet<>());
    }

    /**
     * A subtype oracle that loads classes from {@code loader} without initializing them. A class
     * that cannot be loaded gives {@code null} (unknown), which never fails validation.
     */
    public static TypeHierarchy hierarchy(ClassLoader loader) {
        return new TypeHierarchy() {
            @Override
            public Boolean isSubtype(String subClass, String superClass) {
                Class<?> sub = load(subClass, loader);
                Class<?> sup = load(superClass, loader);
                if (sub == null || sup == null) {
                    return null;
                }
                return sup.isAssignableFrom(sub);
            }

            @Override
            public KeyAccessor keyAccessor(String className, String key) {
                Class<?> type = load(className, loader);
                if (type == null) {
                    return KeyAccessor.UNKNOWN;
                }
                Member member = keyMember(type, key);
                if (member == null) {
                    return null;
                }
                return member instanceof Field ? KeyAccessor.field(member.getDeclaringClass().getName(), key)
                        : KeyAccessor.method(member.getDeclaringClass().getName(), member.getName());
            }
        };
    }

    /**
     * The public member of a public class that reads {@code key} from a {@code type}: a no-argument
     * non-void instance method named as {@link KeyAccessor#methodNames} says, else an instance field.
     *
     * @return a {@link Method} or {@link Field}, or {@code null}
     */
    public static Member keyMember(Class<?> type, String key) {
        for (String name : KeyAccessor.methodNames(key)) {
            try {
                Method method = type.getMethod(name);
                if (!Modifier.isStatic(method.getModifiers()) && method.getReturnType() != void.class
                        && Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
                    return method;
                }
            } catch (NoSuchMethodException e) {
                // the next form
            }
        }
        try {
            Field field = type.getField(key);
            return Modifier.isStatic(field.getModifiers()) || !Modifier.isPublic(field.getDeclaringClass().getModifiers())
                    ? null : field;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static TypeRef typeRef(Type type, Set<TypeVariable<?>> visiting) {
        if (type instanceof Class<?> cls) {
            if (cls.isArray()) {
                return TypeRef.arrayOf(typeRef(cls.getComponentType(), visiting));
            }
            if (cls == void.class) {
                return TypeRef.VOID;
            }
            return cls.isPrimitive() ? TypeRef.primitive(cls.getName()) : TypeRef.classType(cls.getName());
        }
        if (type instanceof ParameterizedType parameterized) {
            List<TypeRef> arguments = new ArrayList<>();
            for (Type argument : parameterized.getActualTypeArguments()) {
                arguments.add(typeRef(argument, visiting));
            }
            return TypeRef.parameterized(((Class<?>) parameterized.getRawType()).getName(), arguments);
        }
        if (type instanceof GenericArrayType array) {
            return TypeRef.arrayOf(typeRef(array.getGenericComponentType(), visiting));
        }
        if (type instanceof WildcardType wildcard) {
            if (wildcard.getLowerBounds().length > 0) {
                return TypeRef.wildcardSuper(typeRef(wildcard.getLowerBounds()[0], visiting));
            }
            Type[] upper = wildcard.getUpperBounds();
            if (upper.length == 0 || upper[0] == Object.class) {
                return TypeRef.wildcard();
            }
            return TypeRef.wildcardExtends(typeRef(upper[0], visiting));
        }
        if (type instanceof TypeVariable<?> variable) {
            if (!visiting.add(variable)) {
                // T extends Comparable<T>: the inner T is left unbounded to end the recursion
                return TypeRef.variable(variable.getName(), List.of());
            }
            List<TypeRef> bounds = new ArrayList<>();
            for (Type bound : variable.getBounds()) {
                if (bound != Object.class) {
                    bounds.add(typeRef(bound, visiting));
                }
            }
            visiting.remove(variable);
            return TypeRef.variable(variable.getName(), bounds);
        }
        throw new IllegalArgumentException("Unsupported reflected type " + type);
    }
}
