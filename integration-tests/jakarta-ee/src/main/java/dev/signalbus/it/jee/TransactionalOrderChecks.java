package dev.signalbus.it.jee;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.signalbus.Subscribes;

/** Receives order ids and looks each order up: committed or not, when the signal arrived. */
@ApplicationScoped
public class TransactionalOrderChecks {

    @Inject
    TransactionalOrders orders;

    /** Order id to whether it was committed when its signal was delivered. */
    private final Map<Long, Boolean> found = new ConcurrentHashMap<>();

    void check(@Subscribes("tx-orders") Long id) {
        found.put(id, orders.committed(id));
        synchronized (this) {
            notifyAll();
        }
    }

    /** Whether the order was found committed when its signal arrived; {@code null} if none arrived. */
    Boolean found(long id) {
        return found.get(id);
    }

    /** Every delivered order id, with whether it was found committed. */
    Map<Long, Boolean> all() {
        return Map.copyOf(found);
    }

    /** Waits until the signal of {@code id} has been delivered, at most {@code millis}. */
    synchronized boolean awaitChecked(long id, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!found.containsKey(id)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
