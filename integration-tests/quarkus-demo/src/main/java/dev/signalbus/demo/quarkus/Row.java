package dev.signalbus.demo.quarkus;

/** Example 4's data. */
public record Row(int id, String value) {
}
