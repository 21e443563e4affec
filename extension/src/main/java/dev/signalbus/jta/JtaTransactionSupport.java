package dev.signalbus.jta;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;

import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.signalbus.engine.BusLog;
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
 * {@code java:comp/TransactionSynchronizationRegistry} where JNDI may hold it (not on Quarkus). Without one every
 * signal is published at
 * once (logged once at DEBUG). Created through {@link JtaTransactions}, which checks first that
 * the JTA API is there.
 */
final class JtaTransactionSupport implements TransactionSupport {

    private static final BusLog LOG = BusLog.of(JtaTransactionSupport.class);
    static final String JNDI_NAME = "java:comp/TransactionSynchronizationRegistry";

    private final Supplier<?> lookup;
    private final boolean jndi;
    private volatile TransactionSynchronizationRegistry registry;
    private volatile boolean absent;

    private JtaTransactionSupport(Supplier<?> lookup, boolean jndi) {
        this.lookup = lookup;
        this.jndi = jndi;
    }

    static TransactionSupport create(Supplier<?> lookup, boolean jndi) {
        return new JtaTransactionSupport(lookup, jndi);
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
        // one synchronization per transaction, holding its signals in publish order: a transaction
        // manager calls synchronizations in an order of its own (Narayana: the reverse)
        HeldSignals signals = (HeldSignals) current.getResource(this);
        if (signals == null) {
            signals = new HeldSignals();
            try {
                current.registerInterposedSynchronization(signals);
            } catch (IllegalStateException e) {
                return late(current, phase, held, e);
            }
            current.putResource(this, signals);
        }
        signals.add(phase, held);
        return true;
    }

    /**
     * The transaction takes no synchronization any more: it is completing (a publish from a flush
     * listener or a before-completion observer) or will roll back. Never dropped silently.
     */
    private boolean late(TransactionSynchronizationRegistry current, TransactionPhase phase, HeldSignal held,
            IllegalStateException refusal) {
        int status = current.getTransactionStatus();
        if (status == Status.STATUS_MARKED_ROLLBACK || status == Status.STATUS_ROLLEDBACK
                || status == Status.STATUS_ROLLING_BACK) {
            failed(phase, held);
        } else {
            LOG.transactionCompleting(refusal, status, phase);
            held.release();
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
            if (registry != null || absent) {
                return registry;
            }
            Object found = null;
            try {
                found = lookup.get();
            } catch (RuntimeException e) {
                LOG.debugf(e, "Looking up the TransactionSynchronizationRegistry bean failed");
            }
            boolean noJndi = !jndi; // where it can only be a bean, a missing bean is final
            if (found == null && jndi) {
                try {
                    found = new InitialContext().lookup(JNDI_NAME);
                } catch (NoInitialContextException e) {
                    noJndi = true; // no naming at all (Weld SE, Quarkus): it will not come later
                } catch (NamingException | RuntimeException e) {
                    // maybe only this thread has no java:comp (a thread of the bus's own): looked up again
                    LOG.debugf(e, "No %s on thread %s", JNDI_NAME, Thread.currentThread().getName());
                }
            }
            if (found instanceof TransactionSynchronizationRegistry tsr) {
                registry = tsr;
            } else if (noJndi) {
                absent = true;
                LOG.debugf("Signal Bus found no TransactionSynchronizationRegistry (neither a bean nor %s):"
                        + " signals are published at once, also inside transactions", JNDI_NAME);
            }
            return registry;
        }
    }

    /** The signals one transaction holds, released or dropped in publish order at their phases. */
    private static final class HeldSignals implements Synchronization {

        private final List<TransactionPhase> phases = new ArrayList<>();
        private final List<HeldSignal> signals = new ArrayList<>();
        /** Whether beforeCompletion has run: BEFORE_COMPLETION signals added later go at once. */
        private boolean beforeDone;

        synchronized void add(TransactionPhase phase, HeldSignal held) {
            if (phase == TransactionPhase.BEFORE_COMPLETION && beforeDone) {
                held.release();
                return;
            }
            phases.add(phase);
            signals.add(held);
        }

        @Override
        public void beforeCompletion() {
            // by index: a BEFORE_COMPLETION signal published during this loop (by another synchronization)
            // is added behind and released too
            for (int i = 0;; i++) {
                HeldSignal held;
                synchronized (this) {
                    if (i >= signals.size()) {
                        beforeDone = true;
                        return;
                    }
                    if (phases.get(i) != TransactionPhase.BEFORE_COMPLETION) {
                        continue;
                    }
                    held = signals.get(i);
                }
                held.release();
            }
        }

        @Override
        public void afterCompletion(int status) {
            boolean committed = status == Status.STATUS_COMMITTED;
            List<TransactionPhase> allPhases;
            List<HeldSignal> all;
            synchronized (this) {
                allPhases = List.copyOf(phases);
                all = List.copyOf(signals);
            }
            for (int i = 0; i < all.size(); i++) {
                HeldSignal held = all.get(i);
                switch (allPhases.get(i)) {
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
}
