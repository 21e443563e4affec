package dev.signalbus.quarkus.runtime;

/**
 * Where a subscriber or periodic method runs, chosen at build time following the Quarkus conventions.
 */
public enum ExecutionModel {
    /** On the Quarkus worker pool: the default for methods that return a plain value. */
    BLOCKING,
    /** On a Vert.x event loop: {@code @NonBlocking}, or a {@code Uni}/{@code CompletionStage} return type. */
    NON_BLOCKING,
    /** On a virtual thread: {@code @RunOnVirtualThread}. */
    VIRTUAL_THREAD
}
