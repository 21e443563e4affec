package dev.signalbus.benchmarks;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The floor: each signal put into one bounded {@link ArrayBlockingQueue} (10,000, our default queue
 * capacity) per subscriber, each drained by a dedicated thread. No topics, no failure handling, no
 * drain: the least work a hand-off to another thread can be.
 */
final class RawQueuePeer implements Peer {

    static final int CAPACITY = 10_000;

    private final BlockingQueue<Payload>[] queues;
    private final Thread[] threads;

    @SuppressWarnings("unchecked")
    RawQueuePeer(int subscribers, Delivery delivery) {
        queues = new BlockingQueue[subscribers];
        threads = new Thread[subscribers];
        for (int i = 0; i < subscribers; i++) {
            int subscriber = i;
            BlockingQueue<Payload> queue = new ArrayBlockingQueue<>(CAPACITY);
            queues[i] = queue;
            threads[i] = new Thread(() -> {
                try {
                    while (true) {
                        delivery.delivered(subscriber, queue.take());
                    }
                } catch (InterruptedException e) {
                    // closed
                }
            }, "raw-queue-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
    }

    @Override
    public void publish(Payload payload) {
        try {
            for (BlockingQueue<Payload> queue : queues) {
                queue.put(payload);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
    }

    @Override
    public void close() {
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
