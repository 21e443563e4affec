package dev.signalbus;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Publishes the return value of a bean method to a topic.
 * <p>
 * The value is published after the method returns normally. {@code null}, an empty
 * {@link java.util.Optional} or an exception publish nothing (the exception reaches the caller
 * unchanged). An {@link java.util.Optional} publishes its value when present; a
 * {@link java.util.concurrent.CompletionStage} (and a Mutiny {@code Uni} on Quarkus) publishes
 * its value when it completes normally. A {@code void} method is a definition error.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Orders {
 *     @Publishes("orders")
 *     public Order place(String item) {
 *         return new Order(item);   // delivered to every @Subscribes("orders") method
 *     }
 * }
 * }</pre>
 * The annotation targets {@code TYPE} only so that the interceptor class can carry it; placing
 * it on a bean class is a definition error.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({ TYPE, METHOD })
public @interface Publishes {

    /** The topic name; must not be blank. */
    @Nonbinding
    String value();

    /** Literal for programmatic use, e.g. registering the interceptor binding. */
    final class Literal extends AnnotationLiteral<Publishes> implements Publishes {
        private static final long serialVersionUID = 1L;
        /** A literal with an empty topic, enough to select the interceptor. */
        public static final Literal INSTANCE = new Literal("");
        private final String value;

        /** @param value the topic */
        public Literal(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }
}
