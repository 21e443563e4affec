package dev.signalbus.benchmarks;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.jboss.weld.context.RequestContext;
import org.jboss.weld.context.unbound.UnboundLiteral;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The floor a fresh request context per delivery sets on Weld SE. The design runs every delivery to a
 * subscriber method in a request context of its own; the portable extension gets it from the
 * container's {@link ActivateRequestContext} interceptor ({@code RequestContextCalls}), and profiles
 * of the user path put most of its CPU there. One thread calls an {@code @ApplicationScoped} bean
 * through its client proxy, with no request context active on it:
 * <ul>
 * <li>{@code plainCall}: a plain method, the baseline (client proxy and call);</li>
 * <li>{@code freshRequestContext}: an {@code @ActivateRequestContext} method, for which Weld's interceptor
 * activates a new request context (firing {@code @Initialized}, {@code @BeforeDestroyed} and
 * {@code @Destroyed(RequestScoped.class)}) and destroys it at return: what every delivery pays;</li>
 * <li>{@code freshRequestContextWithRequestScopedBean}: the same, and the method also calls a
 * {@code @RequestScoped} bean, so that an instance is created and destroyed per call: what a
 * subscriber that uses request state pays.</li>
 * <li>{@code unboundRequestContext} and {@code unboundRequestContextWithRequestScopedBean}: the same two through
 * Weld's own {@code @Unbound RequestContext} (activate, call, invalidate, deactivate), without the interceptor
 * and the three lifecycle events, as Weld runs its own async observers and as the portable extension runs
 * deliveries on Weld when nothing observes those events.</li>
 * </ul>
 * Average time per call in ns; the difference to {@code plainCall} is the cost of the request context.
 * No Signal Bus here: the container alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class RequestContextBenchmark {

    static final String PLAIN_CALL = "plainCall";
    static final String FRESH_REQUEST_CONTEXT = "freshRequestContext";
    static final String FRESH_REQUEST_CONTEXT_WITH_REQUEST_SCOPED_BEAN = "freshRequestContextWithRequestScopedBean";
    static final String UNBOUND_REQUEST_CONTEXT = "unboundRequestContext";
    static final String UNBOUND_REQUEST_CONTEXT_WITH_REQUEST_SCOPED_BEAN = "unboundRequestContextWithRequestScopedBean";
    /** The benchmarks, the baseline first: the order of the report. */
    static final List<String> BENCHMARKS = List.of(PLAIN_CALL, FRESH_REQUEST_CONTEXT,
            FRESH_REQUEST_CONTEXT_WITH_REQUEST_SCOPED_BEAN, UNBOUND_REQUEST_CONTEXT,
            UNBOUND_REQUEST_CONTEXT_WITH_REQUEST_SCOPED_BEAN);

    private WeldContainer container;
    private Calls calls;
    private Payload payload;
    private RequestContext unbound;

    /** The container of the benchmark: the two beans, no discovery, no Signal Bus extension. */
    static Weld weld() {
        return new Weld("request-context-" + UUID.randomUUID()).disableDiscovery()
                .addBeanClasses(Calls.class, RequestState.class);
    }

    @Setup(Level.Trial)
    public void open() {
        container = weld().initialize();
        calls = container.select(Calls.class).get(); // the client proxy
        unbound = container.select(RequestContext.class, UnboundLiteral.INSTANCE).get();
        payload = new Payload(1, 0);
    }

    @TearDown(Level.Trial)
    public void close() {
        container.close();
    }

    @Benchmark
    public void plainCall(Blackhole blackhole) {
        blackhole.consume(calls.plain(payload));
    }

    @Benchmark
    public void freshRequestContext(Blackhole blackhole) {
        blackhole.consume(calls.inFreshRequestContext(payload));
    }

    @Benchmark
    public void freshRequestContextWithRequestScopedBean(Blackhole blackhole) {
        blackhole.consume(calls.inFreshRequestContextWithRequestState(payload));
    }

    @Benchmark
    public void unboundRequestContext(Blackhole blackhole) {
        unbound.activate();
        try {
            blackhole.consume(calls.plain(payload));
        } finally {
            unbound.invalidate();
            unbound.deactivate();
        }
    }

    @Benchmark
    public void unboundRequestContextWithRequestScopedBean(Blackhole blackhole) {
        unbound.activate();
        try {
            blackhole.consume(calls.withRequestState(payload));
        } finally {
            unbound.invalidate();
            unbound.deactivate();
        }
    }

    /**
     * The bean the benchmarks call, like a subscriber bean: application-scoped, called through its client
     * proxy. Package-private methods, like the subscriber methods of this module: Weld's client proxy calls
     * them reflectively (it calls directly only public methods with public parameter and return types,
     * a path that allocated more here on Weld 6.0.3: 336 against 192 B per {@code plainCall}). Either
     * way the proxy's cost is in every benchmark, and the difference to {@code plainCall} is the
     * request context's.
     */
    @ApplicationScoped
    static class Calls {

        @Inject
        RequestState state;

        Payload plain(Payload payload) {
            return payload;
        }

        @ActivateRequestContext
        Payload inFreshRequestContext(Payload payload) {
            return payload;
        }

        Payload withRequestState(Payload payload) {
            state.remember(payload);
            return state.last();
        }

        @ActivateRequestContext
        Payload inFreshRequestContextWithRequestState(Payload payload) {
            state.remember(payload); // through the client proxy: creates this request's instance
            return state.last();
        }
    }

    /** Request state of a subscriber: one instance per request context. */
    @RequestScoped
    static class RequestState {

        private Payload last;

        void remember(Payload payload) {
            last = payload;
        }

        Payload last() {
            return last;
        }
    }
}
