package dev.signalbus.demo.weld;

/** Example 4's data. */
public record Row(int id, String value) {
}
