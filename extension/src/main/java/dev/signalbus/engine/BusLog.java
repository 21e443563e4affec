package dev.signalbus.engine;

import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.Logger.Level;
import org.jboss.logging.annotations.Cause;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;
import org.jboss.logging.annotations.ValidIdRange;

/**
 * The messages that Signal Bus logs at INFO and above, with an id each ({@code SIGBUS0001}), the same on every
 * container: the engine's, its integrations' (transactions, metrics, the bridge to a broker) and those the front
 * doors share, such as a drain's report. The JBoss Logging processor implements it at compile time
 * ({@code BusLog_$logger}). Ids by area:
 * <ul>
 * <li>1-99: start and shutdown (the drain and its report)
 * <li>100-199: the topics and their settings
 * <li>200-299: deliveries, periodic runs and their failures
 * <li>300-399: the executors and timers the bus runs on
 * <li>400-499: the integrations: transactions, metrics, the bridge to a broker
 * </ul>
 * (500-599 are the Quarkus front door's own, {@code dev.signalbus.quarkus.runtime.QuarkusLog}.) Debug messages are
 * plain {@link BasicLogger} calls on the same logger.
 * <p>
 * The logger categories stay the classes that log: {@code dev.signalbus.engine.SignalBusEngine} for all of the
 * engine, {@code dev.signalbus.cdi.SignalBusExtension} and {@code dev.signalbus.quarkus.runtime.SignalBusLifecycle}
 * for each front door's drain report, and so on (see {@link #of}).
 */
@MessageLogger(projectCode = "SIGBUS", length = 4)
@ValidIdRange(min = 1, max = 499)
public interface BusLog extends BasicLogger {

    /** The logger of category {@code category}'s name. */
    static BusLog of(Class<?> category) {
        return Logger.getMessageLogger(MethodHandles.lookup(), BusLog.class, category.getName());
    }

    // 1-99: start and shutdown

    @LogMessage(level = Level.DEBUG)
    @Message(id = 1, value = "Signal Bus started: %d subscribers on %d topics, %d periodic tasks")
    void started(int subscribers, int topics, int periodicTasks);

    @LogMessage(level = Level.DEBUG)
    @Message(id = 2, value = "Signal Bus drained in %s")
    void drained(Duration took);

    @LogMessage(level = Level.ERROR)
    @Message(id = 3, value = "Signal Bus did not drain within shutdown-timeout %s; not delivered: %s; %d deliveries or"
            + " periodic runs still in progress were interrupted")
    void notDrained(Duration shutdownTimeout, Map<String, Long> undelivered, int interrupted);

    @LogMessage(level = Level.WARN)
    @Message(id = 4, value = "Signal Bus shutdown-timeout exceeded: %d signal(s) not delivered to %s")
    void notDelivered(long count, String subscriber);

    /** A front door's report of the drain: a line per subscriber (or other entry) left undelivered, if any. */
    default void undelivered(DrainReport report) {
        report.undelivered().forEach((subscriber, count) -> notDelivered(count, subscriber));
    }

    @LogMessage(level = Level.ERROR)
    @Message(id = 5, value = "Signal Bus refused signals while it drained, because their subscribers' queues stayed"
            + " full: %s; each refusal was thrown to its publisher (a subscriber publishing in a chain fails that"
            + " delivery, reported as a SignalFailure)")
    void refusedWhileDraining(Map<String, Long> refused);

    @LogMessage(level = Level.WARN)
    @Message(id = 6, value = "Signal Bus could not remove its metrics")
    void metricsNotRemoved(@Cause Throwable cause);

    @LogMessage(level = Level.WARN)
    @Message(id = 7, value = "Signal Bus threads still running after they were interrupted: %s; a subscriber or"
            + " periodic task that ignores interrupts cannot be stopped, and its thread keeps the JVM alive until it"
            + " returns")
    void threadsStillRunning(List<String> threads);

    // 100-199: the topics and their settings

    @LogMessage(level = Level.WARN)
    @Message(id = 100, value = "%s")
    void topicWarning(String warning);

    @LogMessage(level = Level.WARN)
    @Message(id = 101, value = "%1$stopics.\"%2$s\".queue-capacity is set, but no subscriber receives topic '%2$s':"
            + " the setting has no effect; check the topic name (a quote in it is written \\\")")
    void queueCapacityUnused(String configPrefix, String topic);

    @LogMessage(level = Level.WARN)
    @Message(id = 102, value = "Signals were published to %d topics without subscribers; signals to further such"
            + " topics are counted together, not per topic (publishing to topic names made at run time?)")
    void tooManyUnroutedTopics(int topics);

    // 200-299: deliveries, periodic runs and their failures

    @LogMessage(level = Level.ERROR)
    @Message(id = 200, value = "Subscriber %s failed to handle a signal of topic '%s'")
    void subscriberFailed(@Cause Throwable cause, String subscriber, String topic);

    @LogMessage(level = Level.ERROR)
    @Message(id = 201, value = "Periodic task %s failed; it keeps its schedule")
    void periodicTaskFailed(@Cause Throwable cause, String task);

    @LogMessage(level = Level.ERROR)
    @Message(id = 202, value = "An observer of SignalFailure failed while handling the failure of %s")
    void failureObserverFailed(@Cause Throwable cause, String target);

    @LogMessage(level = Level.ERROR)
    @Message(id = 203, value = "Signal Bus: the %s of topic '%s' could not pass on a signal")
    void notPassedOn(@Cause Throwable cause, String channel, String topic);

    @LogMessage(level = Level.ERROR)
    @Message(id = 204, value = "A signal that %s published to topic '%s' inside a transaction could not be published"
            + " when the transaction completed; it is fired as a SignalFailure (signal: %s)")
    void heldSignalNotPublished(@Cause Throwable cause, String publisher, String topic, Object signal);

    @LogMessage(level = Level.ERROR)
    @Message(id = 205, value = "The result of an async publisher completed but could not be published to topic '%s'")
    void asyncResultNotPublished(@Cause Throwable cause, String topic);

    @LogMessage(level = Level.ERROR)
    @Message(id = 206, value = "Signal Bus could not answer the sender of a received signal")
    void senderNotAnswered(@Cause Throwable cause);

    @LogMessage(level = Level.WARN)
    @Message(id = 207, value = "The key of a %s for %s could not be read; such signals are delivered one at a time in"
            + " a lane of their own. Logged once.")
    void keyUnreadable(@Cause Throwable cause, String signalType, String subscriber);

    @LogMessage(level = Level.WARN)
    @Message(id = 208, value = "The queue of %s (topic '%s') is full (%d signals) and every delivery that could make"
            + " room is publishing into a full queue itself (%s): a publisher that waited would wait for nothing, so"
            + " its signal is queued beyond the capacity, up to %d signals in all; past that such a publish is"
            + " refused. Logged once.")
    void queuedBeyondCapacity(String subscriber, String topic, int capacity, CharSequence cycle, int limit);

    // 300-399: the executors and timers the bus runs on

    @LogMessage(level = Level.ERROR)
    @Message(id = 300, value = "The executor refused a delivery task of %s (topic '%s'); %d signals stay queued and"
            + " are offered again, every %d ms at first and at most every %d s, until it takes them")
    void executorRefused(@Cause Throwable refusal, String subscriber, String topic, int queued, long firstRetryMillis,
            long maxRetrySeconds);

    @LogMessage(level = Level.INFO)
    @Message(id = 301, value = "The executor takes the delivery tasks of %s (topic '%s') again")
    void executorTakesAgain(String subscriber, String topic);

    @LogMessage(level = Level.WARN)
    @Message(id = 302, value = "The executor failed after it took a delivery task of %s (topic '%s'); the task runs")
    void executorFailedAfterTaking(@Cause Throwable cause, String subscriber, String topic);

    @LogMessage(level = Level.ERROR)
    @Message(id = 303, value = "Signal Bus could not arm the retry of %s's delivery task (topic '%s'); its queued"
            + " signals wait for the next publish to the topic or the drain")
    void retryNotArmed(@Cause Throwable cause, String subscriber, String topic);

    @LogMessage(level = Level.ERROR)
    @Message(id = 304, value = "Signal Bus could not arm the maxWait timer of %s (topic '%s')")
    void batchTimerNotArmed(@Cause Throwable cause, String subscriber, String topic);

    @LogMessage(level = Level.INFO)
    @Message(id = 305, value = "The executor refused delivery tasks while Signal Bus drains (the container stops"
            + " lending threads before it stops the application): the drain goes on on the bus's own threads"
            + " signal-bus-drain")
    void drainOnOwnThreads();

    // 400-499: the integrations

    @LogMessage(level = Level.WARN)
    @Message(id = 400, value = "A signal was published inside a transaction that is already completing (status %d),"
            + " which takes no synchronization any more: it is published at once, not %s")
    void transactionCompleting(@Cause Throwable refusal, int status, TransactionPhase phase);

    @LogMessage(level = Level.WARN)
    @Message(id = 410, value = "Signal Bus found several MeterRegistry beans and reports its meters to Micrometer's"
            + " global registry instead; make one of them the default (the others @Alternative or qualified)")
    void severalMeterRegistries();

    @LogMessage(level = Level.WARN)
    @Message(id = 420, value = "Signal Bus stopped waiting for the broker to acknowledge %d signals of topic '%s' sent"
            + " to %s")
    void acknowledgementsNotAwaited(int unanswered, String topic, String channel);

    @LogMessage(level = Level.ERROR)
    @Message(id = 421, value = "Signal Bus: %s of topic '%s' failed; no more messages are received from it")
    void incomingFailed(@Cause Throwable cause, String channel, String topic);
}
