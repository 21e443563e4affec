package dev.signalbus.it.kafka;

/**
 * A class that a hostile message names ({@code {"@class":"dev.signalbus.it.kafka.Trap", ...}}): the bridge must
 * read a message into the topic's type only, so this class is never initialized. Its static initializer records
 * that it ran, in {@link TrapWitness}, which the receiver reports.
 */
public class Trap {

    static {
        TrapWitness.initialized(Trap.class.getName());
    }

    public String command;

    public Trap() {
        TrapWitness.instantiated();
    }
}
