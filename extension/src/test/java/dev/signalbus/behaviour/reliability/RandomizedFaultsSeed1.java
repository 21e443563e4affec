package dev.signalbus.behaviour.reliability;

/** {@link RandomizedFaults} with seed 1. */
public class RandomizedFaultsSeed1 extends RandomizedFaults {
    public RandomizedFaultsSeed1() {
        super(1L);
    }
}
