package dev.signalbus.demo;

/** Example 1's signal, shown like the JSON the Python example prints. */
public record Message(String message) {

    @Override
    public String toString() {
        return "{\"message\": \"" + message + "\"}";
    }
}
