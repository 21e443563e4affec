package dev.signalbus.it.tx;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.signalbus.Subscribes;

/** Receives order ids and, in a transaction of its own, looks each order up: found or not. A singleton, so that the test reads its fields directly, not through a client proxy. */
@Singleton
public class OrderChecks {

    @Inject
    EntityManager em;

    /** Order id to whether the subscriber found it committed. */
    final Map<Long, Boolean> found = new ConcurrentHashMap<>();

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void check(@Subscribes("orders") Long id) {
        found.put(id, em.find(PlacedOrder.class, id) != null);
    }
}
