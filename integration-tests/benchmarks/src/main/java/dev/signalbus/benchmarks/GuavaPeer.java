package dev.signalbus.benchmarks;

import java.util.concurrent.ExecutorService;

import com.google.common.eventbus.AsyncEventBus;
import com.google.common.eventbus.Subscribe;

/**
 * Guava {@code AsyncEventBus} on our pool of {@code threads}; {@code subscribers} registered objects
 * with one {@code @Subscribe} method each (not {@code @AllowConcurrentEvents}: one delivery at a time
 * per subscriber, like concurrency 1).
 */
final class GuavaPeer implements Peer {

    private final ExecutorService pool;
    private final AsyncEventBus bus;

    GuavaPeer(int subscribers, int threads, Delivery delivery) {
        pool = Pools.fixed("guava", threads);
        bus = new AsyncEventBus("bench", pool);
        for (int i = 0; i < subscribers; i++) {
            bus.register(new Subscriber(i, delivery));
        }
    }

    @Override
    public void publish(Payload payload) {
        bus.post(payload);
    }

    @Override
    public void close() {
        Pools.stop(pool);
    }

    /** Public: Guava calls it reflectively. */
    public static final class Subscriber {
        private final int index;
        private final Delivery delivery;

        Subscriber(int index, Delivery delivery) {
            this.index = index;
            this.delivery = delivery;
        }

        @Subscribe
        public void on(Payload payload) {
            delivery.delivered(index, payload);
        }
    }
}
