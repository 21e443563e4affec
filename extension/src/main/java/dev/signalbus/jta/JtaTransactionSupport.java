package dev.signalbus.jta;

import java.util.function.Supplier;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import dev.signalbus.engine.HeldSignal;
import dev.signalbus.engine.TransactionSupport;

/**
 * Holds signals until a phase of the JTA transaction active on the publishing thread, through the
 * container's {@link TransactionSynchronizationRegistry} (an interposed synchronization per held
 * signal), as CDI transactional observers do. Used by both front doors when the JTA API is on the
 * class path; internal.
 * <p>
 * The registry is looked up at the first publish that needs it: first through the given lookup
 * (the container's bean), then at the standard JNDI name
 * {@code java:comp/TransactionSynchronizationRegistry}. Without one every signal is published at
 * once (logged once at DEBUG). Created through {@link JtaTransactions}, which checks first that
 * the JTA API is there.
 */
final class JtaTransactionSupport implements TransactionSupport {

    private static final Logger LOG = Logger.getLogger(JtaTransactionSupport.class);
    static final String JNDI_NAME = "java:comp/TransactionSynchronizationRegistry";

    private final Supplier<?> lookup;
    private volatile TransactionSynchronizationRegistry registry;
    private volatile boolean absent;

    private JtaTransactionSupport(Supplier<?> lookup) {
        this.lookup = lookup;
    }

    static TransactionSupport create(Supplier<?> lookup) {
        return new JtaTransactionSupport(lookup);
    }

    @Override
    public boolean active() {
        TransactionSynchronizationRegistry current = registry();
        return current != null && open(current.getTransactionStatus());
    }

    /** Active, or marked for rollback (still open; it will fail); not one already completing. */
    private static boolean open(int status) {
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public boolean hold(TransactionPhase phase, HeldSignal held) {
        TransactionSynchronizationRegistry current = registry();
        int status = current == null ? Status.STATUS_NO_TRANSACTION : current.getTransactionStatus();
        if (!open(status)) {
            return false; // no transaction, or one already completing: at once
        }
        if (status == Status.STATUS_MARKED_ROLLBACK) {
            // its outcome is known, and a server may not call synchronizations registered now
            // (WildFly accepts them and never calls them): decided here, as if it had rolled back
            failed(phase, held);
            return true;
        }
        try {
            current.registerInterposedSynchronization(new PhaseSynchronization(phase, held));
        } catch (IllegalStateException e) {
            // marked for rollback meanwhile, or completing: it will not commit
            failed(phase, held);
        }
        return true;
    }

    /** The transaction will not commit: only AFTER_FAILURE and AFTER_COMPLETION are published, at once. */
    private static void failed(TransactionPhase phase, HeldSignal held) {
        if (phase == TransactionPhase.AFTER_FAILURE || phase == TransactionPhase.AFTER_COMPLETION) {
            held.release();
        } else {
            held.drop();
        }
    }

    private TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry current = registry;
        if (current != null || absent) {
            return current;
        }
        synchronized (this) {
            if (registry == null && !absent) {
                Object found = null;
                try {
                    found = lookup.get();
                } catch (RuntimeException e) {
                    LOG.debugf(e, "Looking up the TransactionSynchronizationRegistry bean failed");
                }
                if (found == null) {
                    found = fromJndi();
                }
                if (found instanceof TransactionSynchronizationRegistry tsr) {
                    registry = tsr;
                } else {
                    absent = true;
                    LOG.debugf("Signal Bus found no TransactionSynchronizationRegistry (neither a bean nor %s):"
                            + " signals are published at once, also inside transactions", JNDI_NAME);
                }
            }
            return registry;
        }
    }

    private static Object fromJndi() {
        try {
            return new InitialContext().lookup(JNDI_NAME);
        } catch (NamingException | RuntimeException e) {
            return null;
        }
    }

    /** Releases or drops one held signal at its phase, as CDI transactional observers are called. */
    private static final class PhaseSynchronization implements Synchronization {

        private final TransactionPhase phase;
        private final HeldSignal held;

        PhaseSynchronization(TransactionPhase phase, HeldSignal held) {
            this.phase = phase;
            this.held = held;
        }

        @Override
        public void beforeCompletion() {
            if (phase == TransactionPhase.BEFORE_COMPLETION) {
                held.release();
            }
        }

        @Override
        public void afterCompletion(int status) {
            boolean committed = status == Status.STATUS_COMMITTED;
            switch (phase) {
                case AFTER_COMPLETION:
                    held.release();
                    break;
                case AFTER_SUCCESS:
                    if (committed) {
                        held.release();
                    } else {
                        held.drop();
                    }
                    break;
                case AFTER_FAILURE:
                    if (committed) {
                        held.drop();
                    } else {
                        held.release();
                    }
                    break;
                default:
                    // BEFORE_COMPLETION: released then, or never reached (a rollback): nothing more
                    held.drop();
                    break;
            }
        }
    }
}
