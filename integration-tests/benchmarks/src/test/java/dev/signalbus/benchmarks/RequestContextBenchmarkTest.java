package dev.signalbus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link RequestContextBenchmark} measures is what it says: its container, with a probe
 * interceptor inside Weld's {@code @ActivateRequestContext} one that looks at the request context from
 * within each call of the benchmark's bean.
 */
class RequestContextBenchmarkTest {

    private WeldContainer container;
    private RequestContextBenchmark.Calls calls;
    private final Payload payload = new Payload(7, 0);

    @BeforeEach
    void open() {
        Probe.calls.clear();
        container = RequestContextBenchmark.weld().addExtension(new ProbeExtension()).addBeanClass(Probe.class)
                .initialize();
        calls = container.select(RequestContextBenchmark.Calls.class).get();
    }

    @AfterEach
    void close() {
        container.close();
    }

    @Test
    void aPlainCallRunsWithoutARequestContext() {
        assertThat(calls.plain(payload)).isSameAs(payload);

        assertThat(Probe.calls).containsExactly(new Call("plain", false, null));
        assertThat(requestContextActive(container.getBeanManager())).isFalse();
    }

    @Test
    void eachCallOfAnActivateRequestContextMethodRunsInARequestContextOfItsOwn() {
        assertThat(calls.inFreshRequestContext(payload)).isSameAs(payload);
        assertThat(requestContextActive(container.getBeanManager())).as("after the call").isFalse();
        assertThat(calls.inFreshRequestContext(payload)).isSameAs(payload);

        // no request-scoped instance: the context is active but holds nothing
        assertThat(Probe.calls).containsExactly(new Call("inFreshRequestContext", true, null),
                new Call("inFreshRequestContext", true, null));
        assertThat(requestContextActive(container.getBeanManager())).isFalse();
    }

    @Test
    void eachCallWithRequestStateCreatesARequestScopedInstanceOfItsOwn() {
        assertThat(calls.inFreshRequestContextWithRequestState(payload)).isSameAs(payload);
        assertThat(requestContextActive(container.getBeanManager())).as("after the call").isFalse();
        assertThat(calls.inFreshRequestContextWithRequestState(payload)).isSameAs(payload);

        assertThat(Probe.calls).hasSize(2).allSatisfy(call -> {
            assertThat(call.method()).isEqualTo("inFreshRequestContextWithRequestState");
            assertThat(call.requestContextActive()).isTrue();
            assertThat(call.requestState()).isNotNull();
        });
        assertThat(Probe.calls.get(0).requestState()).isNotSameAs(Probe.calls.get(1).requestState());
        assertThat(requestContextActive(container.getBeanManager())).isFalse();
    }

    static boolean requestContextActive(BeanManager beanManager) {
        try {
            return beanManager.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }

    /**
     * One call of the benchmark's bean as the probe saw it: the request context active just before the
     * method ran, and the {@code RequestState} instance it held just after ({@code null}: none).
     */
    record Call(String method, boolean requestContextActive, Object requestState) {
    }

    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.TYPE, ElementType.METHOD })
    @interface Probed {

        final class Literal extends AnnotationLiteral<Probed> implements Probed {
            static final Literal INSTANCE = new Literal();
        }
    }

    /** Binds the probe to every method of the benchmark's bean, without touching its class. */
    public static class ProbeExtension implements Extension {

        void probe(@Observes ProcessAnnotatedType<RequestContextBenchmark.Calls> type) {
            type.configureAnnotatedType().methods().stream()
                    .filter(m -> m.getAnnotated().getJavaMember().getDeclaringClass()
                            == RequestContextBenchmark.Calls.class)
                    .forEach(m -> m.add(Probed.Literal.INSTANCE));
        }
    }

    /** Inside Weld's {@code @ActivateRequestContext} interceptor ({@code PLATFORM_BEFORE + 100}). */
    @Probed
    @Interceptor
    @Priority(Interceptor.Priority.LIBRARY_BEFORE)
    static class Probe {

        static final List<Call> calls = new ArrayList<>();

        @Inject
        BeanManager beanManager;

        @AroundInvoke
        Object probe(InvocationContext invocation) throws Exception {
            boolean active = requestContextActive(beanManager);
            Object result = invocation.proceed();
            Object state = null;
            if (requestContextActive(beanManager)) {
                Bean<?> bean = beanManager.resolve(beanManager.getBeans(RequestContextBenchmark.RequestState.class));
                state = beanManager.getContext(RequestScoped.class).get(bean);
            }
            calls.add(new Call(invocation.getMethod().getName(), active, state));
            return result;
        }
    }
}
