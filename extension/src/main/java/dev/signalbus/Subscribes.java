package dev.signalbus;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks the signal parameter of a subscriber method, like {@code @Observes} marks an event.
 * <p>
 * Every other parameter of the method is a CDI injection point, resolved for each call
 * ({@code @Dependent} instances are destroyed after the call). Each subscriber method has its
 * own bounded queue; deliveries run asynchronously on the container's managed executor, each in
 * a fresh request context.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Mailer {
 *     void onOrder(@Subscribes("orders") Order order, @Named("smtp") SmtpClient smtp) {
 *         smtp.send(order.customer(), "Thanks!");
 *     }
 * }
 * }</pre>
 * With {@link #concurrency()} {@code = 1} (the default) signals are delivered one at a time, in
 * publish order; with {@code N > 1} up to N deliveries run at once, in no particular order. With a
 * {@link #key()}, signals of equal keys are delivered one at a time in publish order and different
 * keys up to N at once:
 * <pre>{@code
 * void onOrder(@Subscribes(value = "orders", concurrency = 8, key = "customerId") Order order) { ... }
 * }</pre>
 */
@Retention(RUNTIME)
@Target(PARAMETER)
public @interface Subscribes {

    /** The topic name; must not be blank. */
    String value();

    /** Deliveries in flight at once for this subscriber; {@code 1} keeps publish order. */
    int concurrency() default 1;

    /**
     * Per-key order: the name of an accessor of the signal type — a record component or no-argument
     * method {@code customerId()}, a getter {@code getCustomerId()} (or {@code isX()}), or a public
     * field {@code customerId}. Signals whose keys are equal ({@link Object#equals}) are delivered
     * one at a time in publish order; signals of different keys up to {@link #concurrency()} at
     * once, and a slow key holds back only its own later signals. A {@code null} key is a key of its
     * own. Empty (the default): no key. Checked when the application is built or deployed; not
     * allowed with {@code @Batch}.
     */
    String key() default "";
}
