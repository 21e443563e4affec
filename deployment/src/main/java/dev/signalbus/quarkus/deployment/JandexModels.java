package dev.signalbus.quarkus.deployment;

import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.MethodParameterInfo;
import org.jboss.jandex.Type;
import org.jboss.jandex.WildcardType;

import dev.signalbus.Batch;
import dev.signalbus.PeriodicTask;
import dev.signalbus.Subscribes;
import dev.signalbus.model.KeyAccessor;
import dev.signalbus.model.MethodModel;
import dev.signalbus.model.MethodModel.BatchModel;
import dev.signalbus.model.MethodModel.ParamModel;
import dev.signalbus.model.MethodModel.PeriodicModel;
import dev.signalbus.model.TypeHierarchy;
import dev.signalbus.model.TypeRef;
import dev.signalbus.model.TypeRef.Kind;

/**
 * Reads bean methods from Jandex into the container-neutral model that {@code TopicGraph} validates, so that the
 * Quarkus build checks exactly what the portable extension checks.
 */
final class JandexModels {

    private static final int DEFAULT_CONCURRENCY = (Integer) defaultValue(Subscribes.class, "concurrency");
    private static final int DEFAULT_MAX_SIZE = (Integer) defaultValue(Batch.class, "maxSize");
    private static final String DEFAULT_MAX_WAIT = (String) defaultValue(Batch.class, "maxWait");
    private static final String DEFAULT_DELAY = (String) defaultValue(PeriodicTask.class, "delay");

    private JandexModels() {
    }

    /** Whether the method carries any Signal Bus annotation. */
    static boolean isSignalBusMethod(MethodInfo method) {
        if (method.hasDeclaredAnnotation(DotNames.PUBLISHES) || method.hasDeclaredAnnotation(DotNames.BATCH)
                || method.hasDeclaredAnnotation(DotNames.PERIODIC_TASK)) {
            return true;
        }
        return subscribesIndex(method) >= 0;
    }

    /** The index of the first {@code @Subscribes} parameter, or {@code -1}. */
    static int subscribesIndex(MethodInfo method) {
        for (MethodParameterInfo parameter : method.parameters()) {
            if (parameter.hasDeclaredAnnotation(DotNames.SUBSCRIBES)) {
                return parameter.position();
            }
        }
        return -1;
    }

    /**
     * @param beanClass the bean class, which names the method in targets and messages (the method may be inherited)
     */
    static MethodModel methodModel(ClassInfo beanClass, MethodInfo method) {
        List<ParamModel> parameters = new ArrayList<>();
        for (MethodParameterInfo parameter : method.parameters()) {
            AnnotationInstance subscribes = parameter.declaredAnnotation(DotNames.SUBSCRIBES);
            parameters.add(new ParamModel(typeRef(parameter.type()),
                    subscribes == null ? null : subscribes.value().asString(),
                    subscribes == null ? 1 : intValue(subscribes, "concurrency", DEFAULT_CONCURRENCY),
                    subscribes == null ? "" : stringValue(subscribes, "key", "")));
        }
        AnnotationInstance publishes = method.declaredAnnotation(DotNames.PUBLISHES);
        AnnotationInstance batch = method.declaredAnnotation(DotNames.BATCH);
        AnnotationInstance periodic = method.declaredAnnotation(DotNames.PERIODIC_TASK);
        return new MethodModel(beanClass.name().toString(), method.name(), Modifier.isPrivate(method.flags()),
                Modifier.isStatic(method.flags()), typeRef(method.returnType()), parameters,
                publishes == null ? null : publishes.value().asString(),
                batch == null ? null
                        : new BatchModel(intValue(batch, "maxSize", DEFAULT_MAX_SIZE),
                                stringValue(batch, "maxWait", DEFAULT_MAX_WAIT)),
                periodic == null ? null
                        : new PeriodicModel(stringValue(periodic, "every", null),
                                stringValue(periodic, "delay", DEFAULT_DELAY)));
    }

    static TypeRef typeRef(Type type) {
        switch (type.kind()) {
            case VOID:
                return new TypeRef(Kind.VOID, "void", List.of(), false);
            case PRIMITIVE:
                return new TypeRef(Kind.PRIMITIVE, type.name().toString(), List.of(), false);
            case CLASS:
                return TypeRef.classType(type.name().toString());
            case ARRAY:
                return new TypeRef(Kind.ARRAY, "[]", List.of(typeRef(type.asArrayType().componentType())), false);
            case PARAMETERIZED_TYPE: {
                List<TypeRef> arguments = new ArrayList<>();
                for (Type argument : type.asParameterizedType().arguments()) {
                    arguments.add(typeRef(argument));
                }
                return TypeRef.parameterized(type.name().toString(), arguments);
            }
            case WILDCARD_TYPE: {
                WildcardType wildcard = type.asWildcardType();
                if (wildcard.superBound() != null) {
                    return new TypeRef(Kind.WILDCARD, "?", List.of(typeRef(wildcard.superBound())), true);
                }
                Type bound = wildcard.extendsBound();
                if (bound == null || bound.name().equals(DotNames.OBJECT)) {
                    return new TypeRef(Kind.WILDCARD, "?", List.of(), false);
                }
                return new TypeRef(Kind.WILDCARD, "?", List.of(typeRef(bound)), false);
            }
            case TYPE_VARIABLE: {
                List<TypeRef> bounds = new ArrayList<>();
                for (Type bound : type.asTypeVariable().bounds()) {
                    if (!bound.name().equals(DotNames.OBJECT)) {
                        bounds.add(typeRef(bound));
                    }
                }
                return new TypeRef(Kind.VARIABLE, type.asTypeVariable().identifier(), bounds, false);
            }
            case TYPE_VARIABLE_REFERENCE:
                // T extends Comparable<T>: the inner T is left unbounded, as the reflection reader does
                return new TypeRef(Kind.VARIABLE, type.asTypeVariableReference().identifier(), List.of(), false);
            case UNRESOLVED_TYPE_VARIABLE:
                return new TypeRef(Kind.VARIABLE, type.asUnresolvedTypeVariable().identifier(), List.of(), false);
            default:
                throw new IllegalArgumentException("Unsupported type " + type);
        }
    }

    /**
     * A subtype oracle on the Jandex index; a class missing from the index makes the answer unknown ({@code null}),
     * which never fails the build.
     */
    static TypeHierarchy hierarchy(IndexView index) {
        return new TypeHierarchy() {
            @Override
            public Boolean isSubtype(String subClass, String superClass) {
                if (subClass.equals(superClass) || superClass.equals("java.lang.Object")) {
                    return Boolean.TRUE;
                }
                boolean unknown = false;
                Set<DotName> seen = new HashSet<>();
                Deque<DotName> pending = new ArrayDeque<>();
                pending.add(DotName.createSimple(subClass));
                while (!pending.isEmpty()) {
                    DotName name = pending.poll();
                    if (!seen.add(name)) {
                        continue;
                    }
                    if (name.toString().equals(superClass)) {
                        return Boolean.TRUE;
                    }
                    ClassInfo info = index.getClassByName(name);
                    if (info == null) {
                        unknown = true;
                        continue;
                    }
                    if (info.superName() != null) {
                        pending.add(info.superName());
                    }
                    pending.addAll(info.interfaceNames());
                }
                return unknown ? null : Boolean.FALSE;
            }

            @Override
            public KeyAccessor keyAccessor(String className, String key) {
                return JandexModels.keyAccessor(index, className, key);
            }
        };
    }

    /**
     * As {@link ReflectionModels#keyMember}, on the index: a public no-argument non-void instance method of a public
     * class or interface, named as {@link KeyAccessor#methodNames} says, declared or inherited (superclasses, then
     * interfaces), else a public instance field of a public class; unknown when a class on the way is not in the
     * index. Public, because the key is read by code generated in another package.
     */
    static KeyAccessor keyAccessor(IndexView index, String className, String key) {
        boolean unknown = false;
        for (String name : KeyAccessor.methodNames(key)) {
            Set<DotName> seen = new HashSet<>();
            Deque<DotName> pending = new ArrayDeque<>();
            pending.add(DotName.createSimple(className));
            while (!pending.isEmpty()) {
                DotName type = pending.poll();
                if (!seen.add(type)) {
                    continue;
                }
                ClassInfo info = index.getClassByName(type);
                if (info == null) {
                    unknown = true;
                    continue;
                }
                MethodInfo method = info.method(name);
                if (method != null && Modifier.isPublic(method.flags()) && !Modifier.isStatic(method.flags())
                        && method.returnType().kind() != Type.Kind.VOID && Modifier.isPublic(info.flags())) {
                    return KeyAccessor.method(info.name().toString(), name);
                }
                if (info.superName() != null) {
                    pending.add(info.superName());
                }
                pending.addAll(info.interfaceNames());
            }
        }
        for (DotName type = DotName.createSimple(className); type != null;) {
            ClassInfo info = index.getClassByName(type);
            if (info == null) {
                unknown = true;
                break;
            }
            FieldInfo field = info.field(key);
            if (field != null && Modifier.isPublic(field.flags()) && !Modifier.isStatic(field.flags())
                    && Modifier.isPublic(info.flags())) {
                return KeyAccessor.field(info.name().toString(), key);
            }
            type = info.superName();
        }
        return unknown ? KeyAccessor.UNKNOWN : null;
    }

    private static int intValue(AnnotationInstance annotation, String name, int defaultValue) {
        AnnotationValue value = annotation.value(name);
        return value == null ? defaultValue : value.asInt();
    }

    private static String stringValue(AnnotationInstance annotation, String name, String defaultValue) {
        AnnotationValue value = annotation.value(name);
        return value == null ? defaultValue : value.asString();
    }

    private static Object defaultValue(Class<?> annotation, String member) {
        try {
            return annotation.getMethod(member).getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
