package dev.signalbus.reliability.weld;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * What a logger wrote while a case ran (through JBoss Log Manager, the JUL manager of the test
 * JVM), and a switch to silence the engine's per-failure error log when a case fails thousands of
 * deliveries on purpose (each would print a stack trace and dominate the run time).
 */
final class Logs implements AutoCloseable {

    static final String EXTENSION = "dev.signalbus.cdi.SignalBusExtension";
    static final String ENGINE = "dev.signalbus.engine.SignalBusEngine";

    private final Logger logger;
    private final Level savedLevel;
    private final Handler handler;
    final List<String> messages = new CopyOnWriteArrayList<>();

    private Logs(String name, Level level) {
        this.logger = Logger.getLogger(name);
        this.savedLevel = logger.getLevel();
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

    /** Records what {@code name} logs. */
    static Logs capture(String name) {
        return new Logs(name, null);
    }

    /** Silences {@code name} (and records nothing) until closed. */
    static Logs silence(String name) {
        return new Logs(name, Level.OFF);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(savedLevel);
    }
}
