package dev.signalbus.engine;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which threads wait for room in which subscriber's queue, so that a publisher never waits for
 * room that cannot come. Room in a queue is made only by the threads delivering its signals; when
 * all of them wait for room themselves, directly or through a chain of other waiting deliveries
 * (a subscriber publishing into its own full queue, or A publishing to {@code b} while B publishes
 * to {@code a}), the wait could only end by timing out. Touched only by publishers that found a
 * queue full, never on the path of a publish that finds room.
 * <p>
 * The last thread to close such a cycle is the one that finds it: every member registers before it
 * looks, under one lock, so the last one to register sees all the others waiting.
 */
final class RoomWaits {

    private final Map<Thread, Mailbox> waiting = new HashMap<>();

    /**
     * Registers the calling thread as waiting for room in {@code full}, unless that room can never
     * come.
     *
     * @return {@code null} if registered (then {@link #leave()} must follow), otherwise the
     *         subscribers whose deliveries all wait for each other, {@code full}'s first
     */
    synchronized List<Mailbox> enter(Mailbox full) {
        Thread self = Thread.currentThread();
        waiting.put(self, full);
        Set<Mailbox> stuck = new LinkedHashSet<>();
        if (canMakeRoom(full, stuck)) {
            return null;
        }
        waiting.remove(self);
        return List.copyOf(stuck);
    }

    synchronized void leave() {
        waiting.remove(Thread.currentThread());
    }

    /**
     * Whether some delivery of {@code mailbox} can still take a signal from its queue: a free slot
     * (a task will be started), a slot held by no thread (a task waiting in the executor for a
     * thread, or an asynchronous delivery whose result will complete), or a delivering thread that
     * is not waiting for room, or waits for room that can come.
     */
    private boolean canMakeRoom(Mailbox mailbox, Set<Mailbox> visited) {
        if (!visited.add(mailbox)) {
            return false;
        }
        Thread[] runners = mailbox.runnerThreads();
        int workers = mailbox.workerCount();
        if (workers < mailbox.spec.concurrency() || workers > runners.length) {
            return true;
        }
        for (Thread runner : runners) {
            Mailbox awaited = waiting.get(runner);
            if (awaited == null || canMakeRoom(awaited, visited)) {
                return true;
            }
        }
        return false;
    }
}
