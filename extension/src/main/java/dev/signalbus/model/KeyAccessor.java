package dev.signalbus.model;

/**
 * How the key of a {@code @Subscribes(key = ...)} subscriber is read from its signal, resolved once
 * when the application is built or deployed.
 *
 * <pre>{@code
 * KeyAccessor.method("com.acme.Order", "customerId");   // order.customerId()
 * KeyAccessor.field("com.acme.Order", "customerId");    // order.customerId
 * }</pre>
 *
 * @param owner binary name of the class or interface that declares the member
 * @param member the method or field name
 * @param field {@code true} for a public field, {@code false} for a no-argument method
 */
public record KeyAccessor(String owner, String member, boolean field) {

    /** The accessor of a class that cannot be inspected: it is not checked, and resolved at start. */
    public static final KeyAccessor UNKNOWN = new KeyAccessor("", "", false);

    public static KeyAccessor method(String owner, String name) {
        return new KeyAccessor(owner, name, false);
    }

    public static KeyAccessor field(String owner, String name) {
        return new KeyAccessor(owner, name, true);
    }

    /**
     * The names tried for a key, in order: {@code key()} (a record component or any method),
     * {@code getKey()}, {@code isKey()}; then a public field {@code key}.
     */
    public static String[] methodNames(String key) {
        String capitalized = Character.toUpperCase(key.charAt(0)) + key.substring(1);
        return new String[] { key, "get" + capitalized, "is" + capitalized };
    }

    /** {@code "customerId()"} or {@code "customerId"}, for messages. */
    public String display() {
        return field ? member : member + "()";
    }
}
