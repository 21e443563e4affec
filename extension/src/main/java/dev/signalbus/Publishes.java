package dev.signalbus;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.event.TransactionPhase;
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
 * <p>
 * Inside a JTA transaction (the method's own {@code @Transactional} or its caller's) the signal
 * follows the transaction, by default once it commits and never if it rolls back; see
 * {@link #during()}.
 * <pre>{@code
 * @Transactional
 * @Publishes("orders")                     // published after the commit, never on rollback
 * public long place(String item) {
 *     Order order = new Order(item);
 *     em.persist(order);
 *     return order.id;                     // the subscriber reads the committed order by id
 * }
 * }</pre>
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({ TYPE, METHOD })
public @interface Publishes {

    /** The topic name; must not be blank. */
    @Nonbinding
    String value();

    /**
     * When the signal is published if a JTA transaction is active on the publishing thread:
     * {@link TransactionPhase#AFTER_SUCCESS} (the default) once it commits, and never if it rolls
     * back; {@link TransactionPhase#IN_PROGRESS} at once; {@link TransactionPhase#BEFORE_COMPLETION},
     * {@link TransactionPhase#AFTER_COMPLETION} and {@link TransactionPhase#AFTER_FAILURE} as for
     * CDI transactional observers. Without an active transaction (or without JTA) every phase
     * publishes at once. A held signal that cannot be published when its phase comes (a queue
     * still full past {@code publish-timeout}, a bus that has stopped) is logged at ERROR and
     * fired as a {@link SignalFailure}: it cannot be thrown into a completed transaction.
     */
    @Nonbinding
    TransactionPhase during() default TransactionPhase.AFTER_SUCCESS;

    /** Literal for programmatic use, e.g. registering the interceptor binding. */
    final class Literal extends AnnotationLiteral<Publishes> implements Publishes {
        private static final long serialVersionUID = 1L;
        /** A literal with an empty topic, enough to select the interceptor. */
        public static final Literal INSTANCE = new Literal("");
        private final String value;
        private final TransactionPhase during;

        /** @param value the topic, published {@link TransactionPhase#AFTER_SUCCESS} */
        public Literal(String value) {
            this(value, TransactionPhase.AFTER_SUCCESS);
        }

        /**
         * @param value the topic
         * @param during when, relative to an active transaction
         */
        public Literal(String value, TransactionPhase during) {
            this.value = value;
            this.during = during;
        }

        @Override
        public String value() {
            return value;
        }

        @Override
        public TransactionPhase during() {
            return during;
        }
    }
}
