package dev.signalbus.behaviour.reliability;

/** {@link BadSettings}: values that are no number or no duration. */
public class UnreadableSettings extends BadSettings {
    public UnreadableSettings() {
        super("queue-capacity", "lots", "shutdown-timeout", "soon", "publish-timeout", "10 days",
                "topics.\"orders\".queue-capacity", "many");
    }
}
