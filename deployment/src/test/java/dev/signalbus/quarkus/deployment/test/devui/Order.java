package dev.signalbus.quarkus.deployment.test.devui;

/** A signal that the Dev UI's publish form reads from JSON ({@link DevUILiveTest}). */
public record Order(int id, String item) {
}
