package dev.signalbus.jta;

import java.util.function.Function;

import dev.signalbus.engine.TransactionSupport;

/**
 * The engine's {@link TransactionSupport} for JTA, for both front doors: signals published inside
 * a JTA transaction follow it ({@code @Publishes(during = ...)}, {@code AFTER_SUCCESS} by default).
 * Touches no JTA type itself, so a front door may call it whether the application has JTA or not.
 *
 * <pre>{@code
 * builder.transactions(JtaTransactions.support(type -> lookUpBean(type)));
 * }</pre>
 */
public final class JtaTransactions {

    static final String REGISTRY_CLASS = "jakarta.transaction.TransactionSynchronizationRegistry";

    private JtaTransactions() {
    }

    /**
     * @param lookup given the type {@code TransactionSynchronizationRegistry}, returns the
     *        container's bean of it, or {@code null} if it has none (then JNDI is tried, at the
     *        first publish inside what may be a transaction)
     * @return the support, or {@link TransactionSupport#NONE} without the JTA API
     */
    public static TransactionSupport support(Function<Class<?>, Object> lookup) {
        return support(lookup, true);
    }

    /**
     * @param jndi whether the registry may also be at its standard JNDI name (a Jakarta EE server);
     *        {@code false} where it can only be a bean (Quarkus): then, without a bean, the absence is
     *        known at the first publish and costs nothing after
     */
    public static TransactionSupport support(Function<Class<?>, Object> lookup, boolean jndi) {
        try {
            // the one-argument form with a constant name: a native image resolves it at build time
            Class<?> type = Class.forName(REGISTRY_CLASS);
            return JtaTransactionSupport.create(() -> lookup.apply(type), jndi);
        } catch (ClassNotFoundException | LinkageError e) {
            // no JTA API, or no java.naming module for the JNDI lookup
            return TransactionSupport.NONE;
        }
    }
}
