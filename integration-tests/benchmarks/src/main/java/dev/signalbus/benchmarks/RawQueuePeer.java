package dev.signalbus.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.SpscArrayQueue;

/**
 * The floor: the least any in-process bus can cost for a hand-off to another thread. Each subscriber
 * has one single-producer/single-consumer array queue (JCTools {@link SpscArrayQueue}, asked for
 * {@value #CAPACITY}, our default queue capacity, which it rounds up to 16,384) and one dedicated
 * thread that drains it in batches of up to {@value #BATCH} and parks only when it finds the queue
 * empty, after yielding the CPU up to {@value #YIELDS} times, looking again after each. A publish
 * appends the signal to every subscriber's queue (no lock, no allocation), then, after one full fence,
 * wakes the subscribers whose thread has said it is about to park; a full queue makes the publisher
 * yield until there is room. No topics, no failure handling, no drain on close.
 */
final class RawQueuePeer implements Peer {

    static final int CAPACITY = 10_000;
    static final int BATCH = 1_024;
    /**
     * How many times a subscriber's thread that found its queue empty yields the CPU (looking again after each)
     * before it parks. Parking at once made it park after nearly every signal at 1 -> 4 on 2 cores, and the
     * publisher pay an unpark per signal per subscriber (0.3-2 million published/s, against about 20 million
     * with 20 to 500 yields, in short runs on a loaded machine).
     */
    static final int YIELDS = 20;

    private final Subscriber[] subscribers;

    RawQueuePeer(int subscribers, Delivery delivery) {
        this.subscribers = new Subscriber[subscribers];
        for (int i = 0; i < subscribers; i++) {
            this.subscribers[i] = new Subscriber(i, delivery);
        }
        for (Subscriber s : this.subscribers) {
            s.thread.start();
        }
    }

    @Override
    public void publish(Payload payload) {
        for (Subscriber s : subscribers) {
            while (!s.queue.offer(payload)) {
                // full: the subscriber's thread is not parked (it parks only on an empty queue), let it run
                s.wakeIfParked();
                Thread.yield();
            }
        }
        // the queues' producer index is written with a release store; the fence orders it before the reads of
        // `parked` below, against the subscriber's store of `parked` before its last look at the queue
        VarHandle.fullFence();
        for (Subscriber s : subscribers) {
            s.wakeIfParked();
        }
    }

    @Override
    public void close() {
        for (Subscriber s : subscribers) {
            s.closed = true;
            LockSupport.unpark(s.thread);
        }
        for (Subscriber s : subscribers) {
            try {
                s.thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One subscriber's queue and thread. */
    private static final class Subscriber implements Runnable {

        private static final VarHandle PARKED;

        static {
            try {
                PARKED = MethodHandles.lookup().findVarHandle(Subscriber.class, "parked", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /** Set by the subscriber's thread just before it parks; cleared by whoever wakes it. */
        volatile boolean parked;
        volatile boolean closed;

        final SpscArrayQueue<Payload> queue = new SpscArrayQueue<>(CAPACITY);
        final Thread thread;
        private final MessagePassingQueue.Consumer<Payload> deliver;

        Subscriber(int index, Delivery delivery) {
            deliver = payload -> delivery.delivered(index, payload);
            thread = new Thread(this, "raw-queue-" + index);
            thread.setDaemon(true);
        }

        /** Only one waker gets to unpark: the others see the flag already cleared. */
        void wakeIfParked() {
            if (parked && PARKED.compareAndSet(this, true, false)) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void run() {
            int idle = 0;
            while (!closed) {
                if (queue.drain(deliver, BATCH) > 0) {
                    idle = 0;
                    continue;
                }
                if (idle < YIELDS) {
                    idle++;
                    Thread.yield();
                    continue;
                }
                parked = true;
                // the volatile store above comes before this look at the queue: a publisher that appended before it
                // is seen here, one that appended after it sees the flag after its fence and unparks
                if (!queue.isEmpty()) {
                    PARKED.compareAndSet(this, true, false);
                    continue;
                }
                while (parked && !closed) {
                    LockSupport.park(this);
                }
            }
        }
    }
}
