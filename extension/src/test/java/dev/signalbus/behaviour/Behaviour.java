package dev.signalbus.behaviour;

/**
 * A scenario whose application starts: {@link #run} runs in it; once {@code run} returns the application stops and
 * the bus drains; then {@link #afterStop} checks what needs the drain to be over.
 * <p>
 * On Quarkus {@code run} runs in the application's class loader and {@code afterStop} in the test's, on another
 * instance of the scenario: what {@code afterStop} reads must be kept in {@link Shared}.
 */
public abstract class Behaviour extends Scenario {

    /** Runs in the started application. */
    public abstract void run(Container app) throws Exception;

    /**
     * Runs once the application stopped and the bus drained.
     *
     * @param container {@link Container#name()} of the container that ran it
     */
    public void afterStop(String container) throws Exception {
    }
}
