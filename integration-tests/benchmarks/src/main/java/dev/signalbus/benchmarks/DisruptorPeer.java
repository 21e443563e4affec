package dev.signalbus.benchmarks;

import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;

/**
 * The other floor: LMAX Disruptor, one ring of 16,384 slots (the power of two above our default
 * queue capacity), one handler (and so one thread) per subscriber, multi-producer like every other
 * peer, blocking wait strategy (busy-spinning would starve the other threads on a 2-core machine).
 */
final class DisruptorPeer implements Peer {

    static final int RING_SIZE = 16_384;

    private static final EventTranslatorOneArg<Slot, Payload> TRANSLATOR = (slot, sequence, payload) -> slot.payload =
            payload;

    private final Disruptor<Slot> disruptor;
    private final RingBuffer<Slot> ring;

    @SuppressWarnings("unchecked")
    DisruptorPeer(int subscribers, Delivery delivery) {
        disruptor = new Disruptor<>(Slot::new, RING_SIZE, DaemonThreadFactory.INSTANCE, ProducerType.MULTI,
                new BlockingWaitStrategy());
        EventHandler<Slot>[] handlers = new EventHandler[subscribers];
        for (int i = 0; i < subscribers; i++) {
            int subscriber = i;
            handlers[i] = (slot, sequence, endOfBatch) -> delivery.delivered(subscriber, slot.payload);
        }
        disruptor.handleEventsWith(handlers);
        ring = disruptor.start();
    }

    @Override
    public void publish(Payload payload) {
        ring.publishEvent(TRANSLATOR, payload);
    }

    @Override
    public void close() {
        try {
            disruptor.shutdown(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            disruptor.halt(); // a handler is stuck: stop the threads anyway
        }
    }

    /** A ring slot. */
    static final class Slot {
        Payload payload;
    }
}
