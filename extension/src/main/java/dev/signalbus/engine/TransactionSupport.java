package dev.signalbus.engine;

import jakarta.enterprise.event.TransactionPhase;

/**
 * Holds a signal until a phase of the transaction active on the publishing thread. The engine
 * knows no transaction manager: a front door passes one (JTA's
 * {@code TransactionSynchronizationRegistry} when the container has it) with
 * {@link SignalBusEngine.Builder#transactions}; without one every signal is published at once.
 *
 * <pre>{@code
 * TransactionSupport support = new TransactionSupport() {
 *     public boolean active() {
 *         return inTransaction();
 *     }
 *
 *     public boolean hold(TransactionPhase phase, HeldSignal held) {
 *         onCommit(held::release);         // published then
 *         onRollback(held::drop);          // never published
 *         return true;
 *     }
 * };
 * }</pre>
 */
public interface TransactionSupport {

    /** No transactions: every signal is published at once. */
    TransactionSupport NONE = new TransactionSupport() {
        @Override
        public boolean active() {
            return false;
        }

        @Override
        public boolean hold(TransactionPhase phase, HeldSignal held) {
            return false;
        }
    };

    /**
     * Whether a transaction is active on the calling thread: the cheap check made on every
     * publish before anything is allocated for {@link #hold}.
     */
    boolean active();

    /**
     * Holds {@code held} until {@code phase} of the transaction active on the calling thread, if
     * there is one. Called for every phase but {@link TransactionPhase#IN_PROGRESS}.
     *
     * @return {@code false} when no transaction is active (the caller publishes at once and
     *         {@code held} is not used); {@code true} when {@code held} will get exactly one call,
     *         {@link HeldSignal#release()} when the phase comes or {@link HeldSignal#drop()} when
     *         it never will (e.g. a rollback for {@code AFTER_SUCCESS})
     */
    boolean hold(TransactionPhase phase, HeldSignal held);
}
