package dev.signalbus.quarkus.runtime;

import java.lang.invoke.MethodHandles;

import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.Logger.Level;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;
import org.jboss.logging.annotations.ValidIdRange;

/**
 * The messages only the Quarkus front door logs, ids 500-599 ({@code SIGBUS0500}); what both front doors log is in
 * {@link dev.signalbus.engine.BusLog}. Debug messages are plain {@link BasicLogger} calls on the same logger.
 */
@MessageLogger(projectCode = "SIGBUS", length = 4)
@ValidIdRange(min = 500, max = 599)
interface QuarkusLog extends BasicLogger {

    /** The logger of category {@code category}'s name. */
    static QuarkusLog of(Class<?> category) {
        return Logger.getMessageLogger(MethodHandles.lookup(), QuarkusLog.class, category.getName());
    }

    @LogMessage(level = Level.INFO)
    @Message(id = 500, value = "Periodic task %s does not run: the scheduler is disabled (quarkus.scheduler.enabled=false)")
    void schedulerDisabled(String task);

    @LogMessage(level = Level.INFO)
    @Message(id = 501, value = "Published a signal to topic '%s' from the Dev UI")
    void publishedFromDevUi(String topic);
}
