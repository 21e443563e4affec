package dev.signalbus.engine;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What a signal {@linkplain SignalBusEngine#receive received} from outside owes its sender: one
 * answer once every local subscriber has finished it, with the first failure if one failed. One
 * instance travels with the signal to all the topic's subscribers.
 */
final class Receipt {

    private static final BusLog LOG = BusLog.of(SignalBusEngine.class);

    private final AtomicInteger remaining;
    private final Consumer<Throwable> answer;
    private volatile Throwable failure;

    Receipt(int subscribers, Consumer<Throwable> answer) {
        this.remaining = new AtomicInteger(subscribers);
        this.answer = answer;
    }

    /** One subscriber finished the signal, with {@code failure} or {@code null}. */
    void done(Throwable failure) {
        if (failure != null && this.failure == null) {
            this.failure = failure; // the first one is enough to refuse the message
        }
        if (remaining.decrementAndGet() == 0) {
            answer(answer, this.failure);
        }
    }

    /** @param receipts a {@link Receipt}, or a list of them for a batch */
    static void done(Object receipts, Throwable failure) {
        if (receipts instanceof Receipt receipt) {
            receipt.done(failure);
        } else {
            for (Object receipt : (List<?>) receipts) {
                ((Receipt) receipt).done(failure);
            }
        }
    }

    /** Gives the answer; a failing answer (a broken acknowledgement) is logged, never thrown at a delivery. */
    static void answer(Consumer<Throwable> answer, Throwable failure) {
        try {
            answer.accept(failure);
        } catch (RuntimeException | Error e) {
            LOG.senderNotAnswered(e);
        }
    }
}
