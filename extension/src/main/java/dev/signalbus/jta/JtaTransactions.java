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
        Class<?> type;
        try {
            type = Class.forName(REGISTRY_CLASS, false, JtaTransactions.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return TransactionSupport.NONE;
        }
        return JtaTransactionSupport.create(() -> lookup.apply(type));
    }
}
