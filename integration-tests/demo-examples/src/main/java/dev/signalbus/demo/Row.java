package dev.signalbus.demo;

/** Example 4's data. */
public record Row(int id, String value) {
}
