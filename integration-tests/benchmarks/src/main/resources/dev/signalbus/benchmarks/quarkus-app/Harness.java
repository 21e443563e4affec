package bench;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What every subscriber of every peer calls first: hands the signal to the current run's {@link Deliveries}. */
public final class Harness {

    /** The current run's counters; replaced between runs, when nothing is being delivered. */
    static volatile Deliveries deliveries = new Deliveries(4, false);
    /** Whether subscribers call their {@link RequestData} (then created and destroyed in each request context). */
    static volatile boolean touchRequestScoped;
    /** Where deliveries ran, for the log: one thread-name prefix per peer and subscriber. */
    static final Set<String> THREADS = ConcurrentHashMap.newKeySet();
    static volatile boolean recordThreads = true;

    private Harness() {
    }

    public static void delivered(String peer, int subscriber, Payload payload, RequestData request) {
        if (touchRequestScoped) {
            request.touch();
        }
        deliveries.delivered(subscriber, payload);
        if (recordThreads) {
            THREADS.add(peer + " " + subscriber + ": " + Thread.currentThread().getName().replaceAll("[0-9]+$", "N"));
        }
    }
}
