package dev.signalbus.it.weld;

/** This JVM's role, {@code -Dapp.role=sender|receiver}; also its MicroProfile Config profile. */
public enum Role {
    SENDER, RECEIVER, NONE;

    public static Role current() {
        String role = System.getProperty("app.role", "");
        return switch (role) {
            case "sender" -> SENDER;
            case "receiver" -> RECEIVER;
            default -> NONE;
        };
    }
}
