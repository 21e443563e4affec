package dev.signalbus.it.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import dev.signalbus.Publishes;

/** Places orders and announces their ids, as an application does. */
@ApplicationScoped
public class Orders {

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Its own transaction; the id is published once it commits. */
    @Transactional
    @Publishes("orders")
    public long place(String item) {
        return persist(item);
    }

    /**
     * Its own transaction, marked for rollback: the method returns normally (nothing is thrown), the
     * transaction rolls back, and its signal must not go out.
     */
    @Transactional
    @Publishes("orders")
    public long placeAndRollBack(String item) {
        long id = persist(item);
        transactions.setRollbackOnly();
        return id;
    }

    /** Joins the caller's transaction (required); the id is published when the caller commits. */
    @Publishes("orders")
    @Transactional
    public long placeInCallersTransaction(String item) {
        return persist(item);
    }

    /** Published at once, in the caller's transaction: the subscriber may run before the commit. */
    @Transactional
    @Publishes(value = "orders", during = TransactionPhase.IN_PROGRESS)
    public long placeInProgress(String item) {
        return persist(item);
    }

    private long persist(String item) {
        PlacedOrder order = new PlacedOrder();
        order.item = item;
        em.persist(order);
        em.flush();
        return order.id;
    }
}
