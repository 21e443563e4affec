package dev.signalbus.model;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Builds a {@link TopicGraph} from real annotated classes, as the portable extension does. */
final class Fixtures {

    private Fixtures() {
    }

    static TopicGraph graph(Class<?>... beans) {
        return graph(key -> null, beans);
    }

    static TopicGraph graph(Function<String, String> expressions, Class<?>... beans) {
        return TopicGraph.of(models(beans), ReflectionModels.hierarchy(Fixtures.class.getClassLoader()), expressions);
    }

    static List<MethodModel> models(Class<?>... beans) {
        List<MethodModel> models = new ArrayList<>();
        for (Class<?> bean : beans) {
            for (Method method : bean.getDeclaredMethods()) {
                if (ReflectionModels.isSignalBusMethod(method)) {
                    models.add(ReflectionModels.methodModel(method));
                }
            }
        }
        // reflection order is unspecified; TopicGraph must not depend on it either
        models.sort(Comparator.comparing(MethodModel::signature).reversed());
        return models;
    }

    /** {@code "dev.signalbus.model.SomeTest$Bean#method"}. */
    static String target(Class<?> bean, String method) {
        return bean.getName() + "#" + method;
    }
}
