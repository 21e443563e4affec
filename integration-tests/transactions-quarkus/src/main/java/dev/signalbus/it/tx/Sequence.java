package dev.signalbus.it.tx;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import dev.signalbus.Subscribes;

/** Receives topic "sequence" one signal at a time, in publish order. A singleton: the test reads it directly. */
@Singleton
public class Sequence {

    final List<Integer> received = new CopyOnWriteArrayList<>();

    void receive(@Subscribes("sequence") Integer signal) {
        received.add(signal);
    }
}
