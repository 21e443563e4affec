package dev.signalbus.model;

import java.util.List;
import java.util.StringJoiner;

/**
 * A bean method that carries one of the Signal Bus annotations, as read by a front door.
 *
 * @param declaringClass binary name of the bean class
 * @param name method name
 * @param isPrivate whether the method is private
 * @param isStatic whether the method is static
 * @param returnType the declared return type
 * @param parameters the parameters, in order
 * @param publishesTopic the {@code @Publishes} topic, {@code null} if the method has none
 * @param batch the {@code @Batch} values, {@code null} if none
 * @param periodic the {@code @PeriodicTask} values, {@code null} if none
 */
public record MethodModel(String declaringClass, String name, boolean isPrivate, boolean isStatic,
        TypeRef returnType, List<ParamModel> parameters, String publishesTopic, BatchModel batch,
        PeriodicModel periodic) {

    public MethodModel {
        parameters = List.copyOf(parameters);
    }

    /** {@code "com.acme.Foo#bar"}. */
    public String target() {
        return declaringClass + "#" + name;
    }

    /**
     * {@code "com.acme.Foo#bar(List<Order>, Repository)"}: the target with simple parameter type
     * names, so that messages tell overloads apart.
     */
    public String signature() {
        StringJoiner joiner = new StringJoiner(", ", target() + "(", ")");
        for (ParamModel parameter : parameters) {
            joiner.add(parameter.type().simpleDisplay());
        }
        return joiner.toString();
    }

    /**
     * A parameter.
     *
     * @param type declared type
     * @param subscribesTopic the {@code @Subscribes} topic, {@code null} if not annotated
     * @param concurrency the {@code @Subscribes} concurrency (ignored if not annotated)
     * @param key the {@code @Subscribes} key, {@code ""} for none (ignored if not annotated)
     */
    public record ParamModel(TypeRef type, String subscribesTopic, int concurrency, String key) {

        public ParamModel {
            key = key == null ? "" : key;
        }

        /** A parameter without a key. */
        public ParamModel(TypeRef type, String subscribesTopic, int concurrency) {
            this(type, subscribesTopic, concurrency, "");
        }
    }

    /** {@code @Batch} as written. */
    public record BatchModel(int maxSize, String maxWait) {
    }

    /** {@code @PeriodicTask} as written. */
    public record PeriodicModel(String every, String delay) {
    }
}
