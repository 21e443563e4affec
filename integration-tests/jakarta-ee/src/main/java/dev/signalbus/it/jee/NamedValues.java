package dev.signalbus.it.jee;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

/**
 * The factories of examples 2 and 4 ({@code @BUS.inject("bar", factory)} in asyncio-signal-bus):
 * {@code @Dependent} producer methods, called once per subscriber call that injects them.
 */
@ApplicationScoped
class NamedValues {

    private final AtomicInteger bars = new AtomicInteger();

    /** A new value on every call, so that a test sees that it is produced per delivery. */
    @Produces
    @Named("bar")
    String bar() {
        return "bar-" + bars.incrementAndGet();
    }

    @Produces
    @Named("a")
    Integer a() {
        return 1;
    }

    @Produces
    @Named("b")
    Integer b() {
        return 2;
    }
}
