package dev.signalbus.model;

/**
 * The CDI priorities both front doors give the bus's observers and its {@code @Publishes} interceptor, so that the
 * bus starts, drains and publishes at the same point on every container. Internal.
 */
public final class Priorities {

    /** {@code Interceptor.Priority.PLATFORM_BEFORE} (0). */
    private static final int PLATFORM_BEFORE = 0;
    /** {@code Interceptor.Priority.PLATFORM_AFTER} (4000). */
    private static final int PLATFORM_AFTER = 4000;

    /**
     * The start of the bus: after the application's own startup observers (default priority 2500) and the platform's
     * ({@code PLATFORM_AFTER}), so that what they publish is kept and then delivered, and every bean a subscriber
     * needs is ready. Portable extension: {@code @Initialized(ApplicationScoped.class)}; Quarkus: {@code StartupEvent}.
     */
    public static final int START = PLATFORM_AFTER + 1000;

    /**
     * The drain: before every other shutdown observer, while every bean a subscriber needs is still alive. Portable
     * extension: {@code @BeforeDestroyed(ApplicationScoped.class)}; Quarkus: {@code ShutdownEvent}.
     */
    public static final int DRAIN = PLATFORM_BEFORE;

    /**
     * The {@code @Publishes} interceptor: inside {@code @Transactional} ({@code PLATFORM_BEFORE + 200}), so that the
     * publish joins the method's transaction and follows it; outside the application's own interceptors (which come
     * later, from {@code APPLICATION}), so that an exception thrown by any of them publishes nothing and reaches the
     * caller unchanged.
     */
    public static final int PUBLISHES_INTERCEPTOR = PLATFORM_BEFORE + 300;

    private Priorities() {
    }
}
