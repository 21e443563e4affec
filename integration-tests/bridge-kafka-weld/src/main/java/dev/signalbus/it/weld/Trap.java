package dev.signalbus.it.weld;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A class that a hostile message names ({@code {"@class":"dev.signalbus.it.weld.Trap", ...}}): the bridge reads a
 * message into the topic's type only, so this class must never be initialized. If its static initializer runs, it
 * creates the file {@code app.trap-file}, which the test looks for.
 */
public class Trap {

    static {
        try {
            Files.writeString(Path.of(System.getProperty("app.trap-file", "trap-initialized")),
                    Trap.class.getName() + " was initialized\n");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
        System.err.println("TRAP: " + Trap.class.getName() + " was initialized");
        Thread.dumpStack();
    }

    public long id;
}
