package dev.signalbus.behaviour.reliability;

/** {@link BadSettings}: negative sizes and durations. */
public class NegativeSettings extends BadSettings {
    public NegativeSettings() {
        super("queue-capacity", "-1", "shutdown-timeout", "-5s", "publish-timeout", "-1s",
                "topics.\"orders\".queue-capacity", "-3");
    }
}
