package dev.signalbus.engine;

/**
 * What a {@link Periodic} task sees of the bus that schedules it: whether a run may start, the
 * pending work a run holds, and where its failures and spans go. {@link SignalBusEngine} provides
 * the one implementation.
 */
interface PeriodicHost {

    /** Whether the bus runs: no run starts once the drain began. */
    boolean running();

    /** The bus's work in progress; a run holds one unit. */
    Pending pending();

    /** Where a run's failure goes. */
    Failures failures();

    /** {@code null} without tracing. */
    BusTracing tracing();
}
