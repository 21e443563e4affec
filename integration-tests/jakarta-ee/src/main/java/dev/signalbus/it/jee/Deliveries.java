package dev.signalbus.it.jee;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.concurrent.ManageableThread;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the subscribers and periodic tasks of this application received, and on which thread:
 * the HTTP endpoint reports it so that the tests can check it from outside the server.
 */
@ApplicationScoped
class Deliveries {

    /**
     * One call of a subscriber or periodic task.
     *
     * @param receiver who was called ({@code "foo-subscriber-0"})
     * @param signal what it received, with any injected values
     * @param thread the name of the thread it ran on
     * @param managed whether that thread is a Jakarta Concurrency {@link ManageableThread}
     * @param atMillis when, in milliseconds since the epoch
     */
    record Delivery(String receiver, String signal, String thread, boolean managed, long atMillis) {

        String line() {
            return String.join("\t", receiver, signal, thread, Boolean.toString(managed), Long.toString(atMillis));
        }
    }

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    /** Records a call made on the current thread. */
    void record(String receiver, String signal) {
        Thread thread = Thread.currentThread();
        deliveries.add(new Delivery(receiver, signal, thread.getName(), thread instanceof ManageableThread,
                System.currentTimeMillis()));
    }

    /** Every call recorded so far, in the order recorded. */
    List<Delivery> all() {
        return new ArrayList<>(deliveries);
    }

    /** Every call recorded so far, one per line, fields separated by tabs. */
    String asText() {
        StringBuilder text = new StringBuilder();
        for (Delivery delivery : deliveries) {
            text.append(delivery.line()).append('\n');
        }
        return text.toString();
    }
}
