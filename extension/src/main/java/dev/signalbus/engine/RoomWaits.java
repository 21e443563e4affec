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
 * Only delivering threads take part (another thread never makes room anywhere): each registers
 * before it looks, under one lock, and a waiting one looks again every
 * {@link Room#RECHECK_NANOS}, so a cycle closed through a thread that was still busy when the
 * others looked is found at the next look.
 * <p>
 * Room that the executor should make is assumed to come: a slot held by a task waiting in the
 * executor's queue, or by an asynchronous delivery. On a bounded executor all of whose threads
 * are deliveries waiting for room (a thread-starvation deadlock of the container's pool), such a
 * publisher waits out {@code publish-timeout}.
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
     * For a thread registered by {@link #enter}: whether the room it waits for still can come.
     *
     * @return {@code null} if it can, otherwise the subscribers whose deliveries all wait for
     *         each other, {@code full}'s first (the thread stays registered until it leaves)
     */
    synchronized List<Mailbox> stuck(Mailbox full) {
        Set<Mailbox> stuck = new LinkedHashSet<>();
        return canMakeRoom(full, stuck) ? null : List.copyOf(stuck);
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
        Thread[] runners = mailbox.dispatch.runnerThreads();
        int workers = mailbox.dispatch.workerCount();
        if (workers < mailbox.spec.concurrency() || workers > runners.length) {
            return true;
        }
        for (Thread runner : runners) {
            Mailbox awaited = waiting.get(runner);
            // not waiting; or woken with room but not yet gone; or waiting for room that can come
            if (awaited == null || awaited.room.hasRoom() || canMakeRoom(awaited, visited)) {
                return true;
            }
        }
        return false;
    }
}
