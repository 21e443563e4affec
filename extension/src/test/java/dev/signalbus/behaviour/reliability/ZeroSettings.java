package dev.signalbus.behaviour.reliability;

/** {@link BadSettings}: a queue of no place, a drain of no time. */
public class ZeroSettings extends BadSettings {
    public ZeroSettings() {
        super("queue-capacity", "0", "shutdown-timeout", "0s");
    }
}
