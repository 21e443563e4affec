package dev.signalbus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/**
 * The peers are set up as the report says: each Vert.x consumer on an event loop of its own (as Quarkus
 * gives each {@code @ConsumeEvent} method its own context), the raw-queue floor with one thread per
 * subscriber that delivers in order and wakes up again after it parked on an empty queue.
 */
class FairPeersTest {

    private static final int SUBSCRIBERS = 4;

    @Test
    void eachVertxConsumerRunsOnAnEventLoopOfItsOwn() {
        Set<String>[] threads = threadsPerSubscriber(Peers.VERTX, 2_000);

        Set<String> all = new HashSet<>();
        for (Set<String> t : threads) {
            // always the same thread for one consumer (its context's event loop) ...
            assertThat(t).hasSize(1);
            assertThat(t.iterator().next()).startsWith("vert.x-eventloop-thread-");
            all.addAll(t);
        }
        // ... and a different one for each
        assertThat(all).hasSize(SUBSCRIBERS);
    }

    @Test
    void eachRawQueueSubscriberHasAThreadOfItsOwn() {
        Set<String>[] threads = threadsPerSubscriber(Peers.RAW_QUEUE, 2_000);

        for (int i = 0; i < SUBSCRIBERS; i++) {
            assertThat(threads[i]).containsExactly("raw-queue-" + i);
        }
    }

    @Test
    void theRawQueueDeliversInOrderAndWakesUpAfterParking() {
        List<List<Integer>> received = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            received.add(new CopyOnWriteArrayList<>());
        }
        Deliveries deliveries = new Deliveries(SUBSCRIBERS);
        Delivery delivery = (subscriber, payload) -> {
            received.get(subscriber).add((int) payload.sequence);
            deliveries.delivered(subscriber, payload);
        };
        List<Integer> expected = new ArrayList<>();
        try (Peer peer = Peers.open(Peers.RAW_QUEUE, SUBSCRIBERS, SUBSCRIBERS, delivery)) {
            int sequence = 0;
            // more than a queue holds in one go (the publisher waits for room), then single signals after pauses
            // long enough for every subscriber's thread to park
            for (int round = 0; round < 5; round++) {
                int count = round == 0 ? 3 * RawQueuePeer.CAPACITY : 1 + round;
                deliveries.expect(count);
                for (int i = 0; i < count; i++) {
                    expected.add(sequence);
                    peer.publish(new Payload(sequence++, 0));
                }
                deliveries.await(Duration.ofSeconds(30));
                // every subscriber's thread has found its queue empty and parked: the next signal must wake it
                await().atMost(Duration.ofSeconds(30)).until(FairPeersTest::everyRawQueueThreadParked);
            }
        }
        for (List<Integer> r : received) {
            assertThat(r).isEqualTo(expected);
        }
    }

    private static boolean everyRawQueueThreadParked() {
        int parked = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("raw-queue-") && thread.getState() == Thread.State.WAITING) {
                parked++;
            }
        }
        return parked == SUBSCRIBERS;
    }

    @SuppressWarnings("unchecked")
    private static Set<String>[] threadsPerSubscriber(String name, int signals) {
        Set<String>[] threads = new Set[SUBSCRIBERS];
        for (int i = 0; i < SUBSCRIBERS; i++) {
            threads[i] = ConcurrentHashMap.newKeySet();
        }
        Deliveries deliveries = new Deliveries(SUBSCRIBERS);
        Delivery delivery = (subscriber, payload) -> {
            threads[subscriber].add(Thread.currentThread().getName());
            deliveries.delivered(subscriber, payload);
        };
        try (Peer peer = Peers.open(name, SUBSCRIBERS, SUBSCRIBERS, delivery)) {
            deliveries.expect(signals);
            for (int i = 0; i < signals; i++) {
                peer.publish(new Payload(i, 0));
            }
            deliveries.await(Duration.ofSeconds(30));
        }
        return threads;
    }
}
