package dev.signalbus.engine;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The batches of a {@code @Batch} subscriber's {@link Mailbox}: a drain task takes up to
 * {@code maxSize} signals at once, when that many wait or the oldest has waited {@code maxWait}
 * (at once while the bus drains); a partial batch that is not due yet arms a timer that wakes a
 * task when it is. The queue holds {@link Mailbox.Timed} entries: the time of each publish.
 */
final class Batches {

    private static final BusLog LOG = BusLog.of(SignalBusEngine.class);

    private final Mailbox mailbox;
    private final SubscriberSpec spec;
    private final MailboxHost host;
    private final Queue<Object> queue;
    private final Room room;
    /** {@code null} without metrics. */
    private final BusMetrics.Subscriber metrics;
    private final AtomicBoolean timerArmed = new AtomicBoolean();

    Batches(Mailbox mailbox, MailboxHost host) {
        this.mailbox = mailbox;
        this.spec = mailbox.spec;
        this.host = host;
        this.queue = mailbox.queue;
        this.room = mailbox.room;
        this.metrics = mailbox.metrics;
    }

    /**
     * Whether the signals waiting need a drain task now: a full batch, or no timer armed to wake
     * one when the head is due, or the bus drains (partial batches go at once).
     */
    boolean wantsTask() {
        return room.reserved() >= spec.batchMaxSize() || !timerArmed.get() || host.draining();
    }

    private boolean due(Mailbox.Timed head) {
        return host.draining() || System.nanoTime() - head.at() >= spec.batchMaxWait().toNanos();
    }

    /**
     * Takes the next batch if it is due, else arms the timer for it; called by the drain task
     * holding the single-consumer queue's slot.
     *
     * @param now the delivery's start if clocked
     * @param contexts receives the signals' captured contexts if traced, else {@code null}
     * @param receipts receives the signals' receipts if the topic receives from a broker, else {@code null}
     * @return the signals, or {@code null} if there is no batch to deliver now
     */
    List<Object> take(long now, List<Object> contexts, List<Receipt> receipts) {
        Mailbox.Timed head = (Mailbox.Timed) queue.peek();
        if (head == null) {
            return null;
        }
        if (room.reserved() < spec.batchMaxSize() && !due(head)) {
            armTimer(head);
            return null;
        }
        List<Object> batch = new ArrayList<>(Math.min(Math.max(room.reserved(), 1), spec.batchMaxSize()));
        Mailbox.Timed next;
        while (batch.size() < spec.batchMaxSize() && (next = (Mailbox.Timed) queue.poll()) != null) {
            batch.add(next.signal());
            if (contexts != null) {
                contexts.add(next.context());
            }
            if (receipts != null && next.receipt() != null) {
                receipts.add(next.receipt());
            }
            if (metrics != null) {
                metrics.queued(Math.max(0, now - next.at()));
            }
        }
        if (batch.isEmpty()) {
            return null;
        }
        mailbox.inFlight.addAndGet(batch.size());
        if (!room.taken(batch.size())) {
            mailbox.inFlight.addAndGet(-batch.size());
            return null;
        }
        return batch;
    }

    private void armTimer(Mailbox.Timed head) {
        if (timerArmed.compareAndSet(false, true)) {
            long wait = Math.max(0, spec.batchMaxWait().toNanos() - (System.nanoTime() - head.at()));
            // the JDK's delay thread keeps the task until it is due, which may be long after the bus
            // stopped (a drain delivers partial batches at once): the task must not keep this
            // mailbox alive, nor through it the engine, the invokers and the whole application
            WeakReference<Batches> batches = new WeakReference<>(this);
            try {
                CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS).execute(() -> timerFired(batches));
            } catch (RuntimeException | Error e) {
                // not even the JDK's delay thread could start: the batch goes at the next publish
                // that fills it, or at the drain
                timerArmed.set(false);
                LOG.batchTimerNotArmed(e, spec.target(), spec.topic());
            }
        }
    }

    private static void timerFired(WeakReference<Batches> reference) {
        Batches batches = reference.get();
        if (batches != null) {
            batches.timerArmed.set(false);
            batches.mailbox.dispatch.wake();
        }
    }
}
