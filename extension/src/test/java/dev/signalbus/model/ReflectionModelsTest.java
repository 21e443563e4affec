package dev.signalbus.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import dev.signalbus.Batch;
import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import dev.signalbus.model.MethodModel.BatchModel;
import dev.signalbus.model.MethodModel.ParamModel;
import dev.signalbus.model.MethodModel.PeriodicModel;
import dev.signalbus.model.TypeRef.Kind;

class ReflectionModelsTest {

    @SuppressWarnings("unused")
    static class Types<T extends Comparable<T>, U> {
        List<String> list() {
            return null;
        }

        Map<String, List<? extends Number>> map() {
            return null;
        }

        List<? super Integer> lower() {
            return null;
        }

        List<?> unbounded() {
            return null;
        }

        T variable() {
            return null;
        }

        U plainVariable() {
            return null;
        }

        <V extends Number & Serializable> V intersection() {
            return null;
        }

        List<String>[] genericArray() {
            return null;
        }

        int[][] primitiveArray() {
            return null;
        }

        String[] classArray() {
            return null;
        }

        void nothing() {
        }

        long primitive() {
            return 0;
        }
    }

    @SuppressWarnings("unused")
    static class Orders {
        @Publishes("orders")
        public Optional<String> place(int quantity) {
            return Optional.empty();
        }

        @Batch(maxSize = 5, maxWait = "2s")
        void store(String tenant, @Subscribes(value = "orders", concurrency = 3) List<String> orders) {
        }

        @PeriodicTask(every = "${tick}", delay = "1s")
        private static CompletionStage<Void> tick() {
            return null;
        }

        void plain(String nothing) {
        }
    }

    @Test
    void readsParameterizedTypes() {
        assertThat(returnType(Types.class, "list"))
                .isEqualTo(TypeRef.parameterized("java.util.List", List.of(TypeRef.classType("java.lang.String"))));
        assertThat(returnType(Types.class, "map").display())
                .isEqualTo("java.util.Map<java.lang.String, java.util.List<? extends java.lang.Number>>");
    }

    @Test
    void readsWildcards() {
        assertThat(returnType(Types.class, "lower").arguments().get(0))
                .isEqualTo(TypeRef.wildcardSuper(TypeRef.classType("java.lang.Integer")));
        assertThat(returnType(Types.class, "unbounded").arguments().get(0)).isEqualTo(TypeRef.wildcard());
    }

    @Test
    void readsTypeVariablesWithTheirBoundsWithoutEndlessRecursion() {
        TypeRef t = returnType(Types.class, "variable");
        assertThat(t.kind()).isEqualTo(Kind.VARIABLE);
        assertThat(t.name()).isEqualTo("T");
        assertThat(t.display()).isEqualTo("T");
        assertThat(t.arguments()).containsExactly(TypeRef.parameterized("java.lang.Comparable",
                List.of(TypeRef.variable("T", List.of()))));
        assertThat(t.erasure()).isEqualTo("java.lang.Comparable");

        assertThat(returnType(Types.class, "plainVariable")).isEqualTo(TypeRef.variable("U", List.of()));
        assertThat(returnType(Types.class, "plainVariable").erasure()).isEqualTo("java.lang.Object");
        assertThat(returnType(Types.class, "intersection").erasure()).isEqualTo("java.lang.Number");
    }

    @Test
    void readsArraysPrimitivesAndVoid() {
        assertThat(returnType(Types.class, "genericArray").display()).isEqualTo("java.util.List<java.lang.String>[]");
        assertThat(returnType(Types.class, "genericArray").erasure()).isEqualTo("[Ljava.util.List;");
        assertThat(returnType(Types.class, "primitiveArray").display()).isEqualTo("int[][]");
        assertThat(returnType(Types.class, "primitiveArray").erasure()).isEqualTo(int[][].class.getName());
        assertThat(returnType(Types.class, "classArray").erasure()).isEqualTo(String[].class.getName());
        assertThat(returnType(Types.class, "nothing")).isEqualTo(TypeRef.VOID);
        assertThat(returnType(Types.class, "primitive")).isEqualTo(TypeRef.primitive("long"));
        assertThat(returnType(Types.class, "primitive").erasure()).isEqualTo("java.lang.Long");
    }

    @Test
    void readsPublishesAndModifiers() {
        MethodModel place = ReflectionModels.methodModel(method(Orders.class, "place"));

        assertThat(place.declaringClass()).isEqualTo(Orders.class.getName());
        assertThat(place.name()).isEqualTo("place");
        assertThat(place.target()).isEqualTo(Orders.class.getName() + "#place");
        assertThat(place.signature()).isEqualTo(Orders.class.getName() + "#place(int)");
        assertThat(place.isPrivate()).isFalse();
        assertThat(place.isStatic()).isFalse();
        assertThat(place.publishesTopic()).isEqualTo("orders");
        assertThat(place.returnType().display()).isEqualTo("java.util.Optional<java.lang.String>");
        assertThat(place.parameters()).containsExactly(new ParamModel(TypeRef.primitive("int"), null, 1));
        assertThat(place.batch()).isNull();
        assertThat(place.periodic()).isNull();
    }

    @Test
    void readsSubscribesOnItsParameterAndBatch() {
        MethodModel store = ReflectionModels.methodModel(method(Orders.class, "store"));

        assertThat(store.parameters()).containsExactly(
                new ParamModel(TypeRef.classType("java.lang.String"), null, 1),
                new ParamModel(TypeRef.parameterized("java.util.List", List.of(TypeRef.classType("java.lang.String"))),
                        "orders", 3));
        assertThat(store.batch()).isEqualTo(new BatchModel(5, "2s"));
        assertThat(store.publishesTopic()).isNull();
        assertThat(store.signature()).isEqualTo(Orders.class.getName() + "#store(String, List<String>)");
    }

    @Test
    void readsPeriodicTaskAsWritten() {
        MethodModel tick = ReflectionModels.methodModel(method(Orders.class, "tick"));

        assertThat(tick.periodic()).isEqualTo(new PeriodicModel("${tick}", "1s"));
        assertThat(tick.isPrivate()).isTrue();
        assertThat(tick.isStatic()).isTrue();
    }

    @Test
    void recognisesSignalBusMethods() {
        assertThat(ReflectionModels.isSignalBusMethod(method(Orders.class, "place"))).isTrue();
        assertThat(ReflectionModels.isSignalBusMethod(method(Orders.class, "store"))).isTrue();
        assertThat(ReflectionModels.isSignalBusMethod(method(Orders.class, "tick"))).isTrue();
        assertThat(ReflectionModels.isSignalBusMethod(method(Orders.class, "plain"))).isFalse();
    }

    @Test
    void hierarchyAnswersFromTheClassLoaderAndIsUnknownForInvisibleClasses() {
        TypeHierarchy hierarchy = ReflectionModels.hierarchy(getClass().getClassLoader());

        assertThat(hierarchy.isSubtype("java.lang.Integer", "java.lang.Number")).isTrue();
        assertThat(hierarchy.isSubtype("java.util.ArrayList", "java.util.List")).isTrue();
        assertThat(hierarchy.isSubtype("java.lang.String", "java.lang.String")).isTrue();
        assertThat(hierarchy.isSubtype("java.lang.Number", "java.lang.Integer")).isFalse();
        assertThat(hierarchy.isSubtype("java.lang.String", "java.lang.Integer")).isFalse();
        assertThat(hierarchy.isSubtype("com.acme.Missing", "java.lang.Object")).isNull();
        assertThat(hierarchy.isSubtype("java.lang.String", "com.acme.Missing")).isNull();
    }

    @Test
    void hierarchyDoesNotInitializeClasses() {
        TypeHierarchy hierarchy = ReflectionModels.hierarchy(getClass().getClassLoader());

        assertThat(hierarchy.isSubtype(NotInitialized.class.getName() + "$Inner", "java.lang.Object")).isTrue();
        assertThat(NotInitialized.initialized).isFalse();
    }

    static class NotInitialized {
        static boolean initialized;

        static class Inner {
            static {
                NotInitialized.initialized = true;
            }
        }
    }

    private static TypeRef returnType(Class<?> type, String name) {
        return ReflectionModels.typeRef(method(type, name).getGenericReturnType());
    }

    static Method method(Class<?> type, String name) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new AssertionError("no method " + name + " in " + type);
    }
}
