package dev.signalbus.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import dev.signalbus.cdi.SignalBusExtension;

/**
 * Signal Bus through the user path: a {@code @Publishes} method of a Weld SE bean, called through its
 * client proxy, and {@code @Subscribes} methods of {@code @ApplicationScoped} beans found by the
 * portable extension (CDI invokers, a request context per delivery, the bus-owned pool of one
 * thread per subscriber as the extension sizes it). Default settings.
 * <p>
 * With {@code metrics} the application has a {@code SimpleMeterRegistry} bean, which the portable extension reports
 * to (Micrometer must then be on the class path); without, Micrometer must not be on the class path, or the
 * extension would report to Micrometer's global registry.
 */
final class SignalBusCdiPeer implements Peer {

    static final String TOPIC = "bench";

    /** Subscriber beans cannot be handed a callback: they read it here (a new container per peer). */
    static volatile Delivery delivery;

    private static final List<Class<?>> SUBSCRIBERS = List.of(Subscriber0.class, Subscriber1.class,
            Subscriber2.class, Subscriber3.class);

    private final WeldContainer container;
    private final Publisher publisher;

    SignalBusCdiPeer(int subscribers, Delivery delivery, boolean metrics) {
        this(subscribers, delivery, metrics, false);
    }

    /** @param tracing whether the application has an {@code OpenTelemetry} bean (the SDK, every span sampled) */
    SignalBusCdiPeer(int subscribers, Delivery delivery, boolean metrics, boolean tracing) {
        if (subscribers > SUBSCRIBERS.size()) {
            throw new IllegalArgumentException("signal-bus has " + SUBSCRIBERS.size() + " subscriber classes, not "
                    + subscribers);
        }
        SignalBusCdiPeer.delivery = delivery;
        List<Class<?>> beans = new ArrayList<>(SUBSCRIBERS.subList(0, subscribers));
        beans.add(Publisher.class);
        if (tracing) {
            beans.add(Tracing.class);
        }
        if (metrics) {
            beans.add(Registry.class);
        } else if (micrometerPresent()) {
            throw new IllegalStateException("Micrometer is on the class path: peer " + Peers.SIGNAL_BUS
                    + " would report to its global registry; run without target/classpath-micrometer.txt");
        }
        container = new Weld("signal-bus-" + UUID.randomUUID()).disableDiscovery()
                .addBeanClasses(beans.toArray(new Class<?>[0])).addExtension(new SignalBusExtension()).initialize();
        publisher = container.select(Publisher.class).get();
        if (metrics) {
            Registry.check(container);
        }
        this.tracing = tracing;
    }

    private final boolean tracing;

    @Override
    public void publish(Payload payload) {
        publisher.publish(payload);
    }

    @Override
    public void close() {
        container.close(); // drains the bus first
        if (tracing) {
            Tracing.check();
        }
    }

    private static boolean micrometerPresent() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, SignalBusCdiPeer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The application's {@code MeterRegistry} bean; loaded only with metrics on. */
    @ApplicationScoped
    static class Registry {

        @jakarta.enterprise.inject.Produces
        @jakarta.inject.Singleton
        io.micrometer.core.instrument.MeterRegistry registry() {
            return new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        }

        /** Fails unless the bus registered its meters in the bean: the run must measure metrics on. */
        static void check(WeldContainer container) {
            io.micrometer.core.instrument.MeterRegistry registry = container
                    .select(io.micrometer.core.instrument.MeterRegistry.class).get();
            if (registry.find("signal.bus.delivery").meters().isEmpty()) {
                throw new IllegalStateException("metrics on, but no signal.bus.delivery meter in " + registry.getMeters());
            }
        }
    }

    /**
     * The application's {@code OpenTelemetry} bean: the SDK as production runs it (every span sampled, a batch span
     * processor), exporting to nowhere, so that the run measures the bus's spans, not an exporter.
     */
    @ApplicationScoped
    static class Tracing {

        static final java.util.concurrent.atomic.AtomicLong EXPORTED = new java.util.concurrent.atomic.AtomicLong();

        @jakarta.enterprise.inject.Produces
        @jakarta.inject.Singleton
        io.opentelemetry.api.OpenTelemetry openTelemetry() {
            io.opentelemetry.sdk.trace.export.SpanExporter nowhere = new io.opentelemetry.sdk.trace.export.SpanExporter() {
                @Override
                public io.opentelemetry.sdk.common.CompletableResultCode export(
                        java.util.Collection<io.opentelemetry.sdk.trace.data.SpanData> spans) {
                    EXPORTED.addAndGet(spans.size());
                    return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
                }

                @Override
                public io.opentelemetry.sdk.common.CompletableResultCode flush() {
                    return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
                }

                @Override
                public io.opentelemetry.sdk.common.CompletableResultCode shutdown() {
                    return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
                }
            };
            return io.opentelemetry.sdk.OpenTelemetrySdk.builder()
                    .setTracerProvider(io.opentelemetry.sdk.trace.SdkTracerProvider.builder()
                            .setSampler(io.opentelemetry.sdk.trace.samplers.Sampler.alwaysOn())
                            .addSpanProcessor(io.opentelemetry.sdk.trace.export.BatchSpanProcessor.builder(nowhere)
                                    .build())
                            .build())
                    .build();
        }

        /** Fails unless delivery spans were exported: the run must measure tracing on. */
        static void check() {
            if (EXPORTED.get() == 0) {
                throw new IllegalStateException("tracing on, but no span exported");
            }
        }
    }

    @ApplicationScoped
    static class Publisher {
        @Publishes(TOPIC)
        Payload publish(Payload payload) {
            return payload;
        }
    }

    @ApplicationScoped
    static class Subscriber0 {
        void on(@Subscribes(TOPIC) Payload payload) {
            delivery.delivered(0, payload);
        }
    }

    @ApplicationScoped
    static class Subscriber1 {
        void on(@Subscribes(TOPIC) Payload payload) {
            delivery.delivered(1, payload);
        }
    }

    @ApplicationScoped
    static class Subscriber2 {
        void on(@Subscribes(TOPIC) Payload payload) {
            delivery.delivered(2, payload);
        }
    }

    @ApplicationScoped
    static class Subscriber3 {
        void on(@Subscribes(TOPIC) Payload payload) {
            delivery.delivered(3, payload);
        }
    }
}
