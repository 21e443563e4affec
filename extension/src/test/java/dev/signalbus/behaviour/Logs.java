package dev.signalbus.behaviour;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * What a logger writes while a scenario runs, through JUL (JBoss Log Manager is the JUL manager of the tests on both
 * containers), and a switch to silence the engine's per-failure error log when a scenario fails thousands of
 * deliveries on purpose (each would print a stack trace and dominate the run time).
 * <p>
 * On Quarkus a scenario's checks after the stop run in another class loader: keep the capture in {@link Shared} as an
 * {@link AutoCloseable} and its messages as the list given to {@link #capture(String, List)}.
 */
public final class Logs implements AutoCloseable {

    public static final String ENGINE = "dev.signalbus.engine.SignalBusEngine";
    public static final String EXTENSION = "dev.signalbus.cdi.SignalBusExtension";

    private final Logger logger;
    private final Level savedLevel;
    private final Handler handler;
    private final List<String> messages;

    private Logs(String name, Level level, List<String> messages) {
        this.logger = Logger.getLogger(name);
        this.savedLevel = logger.getLevel();
        this.messages = messages;
        this.handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                // JBoss Logging hands printf-style records to the log manager unformatted
                messages.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        if (level != null) {
            logger.setLevel(level);
        }
        logger.addHandler(handler);
    }

    /** Records what {@code name} and the loggers below it log. */
    public static Logs capture(String name) {
        return capture(name, new CopyOnWriteArrayList<>());
    }

    /** Records what {@code name} and the loggers below it log into {@code messages}. */
    public static Logs capture(String name, List<String> messages) {
        return new Logs(name, null, messages);
    }

    /** Silences {@code name} (and records nothing) until closed. */
    public static Logs silence(String name) {
        return new Logs(name, Level.OFF, new CopyOnWriteArrayList<>());
    }

    /** The messages recorded so far, formatted. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(savedLevel);
    }
}
