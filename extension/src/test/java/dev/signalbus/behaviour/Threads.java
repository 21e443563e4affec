package dev.signalbus.behaviour;

import java.util.ArrayList;
import java.util.List;

/** The live threads of the bus's own pools (named {@code signal-bus-*}). */
public final class Threads {

    private Threads() {
    }

    public static List<String> busThreads() {
        List<String> names = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && thread.getName().startsWith("signal-bus-")) {
                names.add(thread.getName() + " (" + thread.getState() + ")");
            }
        }
        return names;
    }
}
