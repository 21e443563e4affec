package dev.signalbus.behaviour.reliability;

/** {@link RandomizedFaults} with seed 42. */
public class RandomizedFaultsSeed42 extends RandomizedFaults {
    public RandomizedFaultsSeed42() {
        super(42L);
    }
}
