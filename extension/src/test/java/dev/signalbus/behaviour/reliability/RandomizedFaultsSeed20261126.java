package dev.signalbus.behaviour.reliability;

/** {@link RandomizedFaults} with seed 20261126. */
public class RandomizedFaultsSeed20261126 extends RandomizedFaults {
    public RandomizedFaultsSeed20261126() {
        super(20261126L);
    }
}
