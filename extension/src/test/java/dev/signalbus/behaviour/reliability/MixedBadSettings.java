package dev.signalbus.behaviour.reliability;

import java.util.Map;

/**
 * {@link BadSettings}: a number out of range, an unreadable duration and a negative one. The portable extension names
 * all three at once. On Quarkus SmallRye Config refuses the unreadable value before the bus reads its settings, so
 * the error names that one only; the others are named at the next start (docs/reliability.md, "Known limits").
 */
public class MixedBadSettings extends BadSettings {

    public MixedBadSettings() {
        super("queue-capacity", "-1", "shutdown-timeout", "soon", "publish-timeout", "-1s");
    }

    @Override
    protected Map<String, String> named(String settingsPrefix) {
        return settingsPrefix.startsWith("quarkus.") ? Map.of("shutdown-timeout", "soon") : super.named(settingsPrefix);
    }
}
