package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.behaviour.RequestContextEvents;
import dev.signalbus.behaviour.RequestContextPerDelivery;

/**
 * On Weld the bus activates Weld's unbound request context for a delivery, unless the application observes the request
 * context's lifecycle events: then the portable {@code @ActivateRequestContext} interceptor, which fires them. What
 * both give a subscriber is checked on both containers by {@link RequestContextPerDelivery} and
 * {@link RequestContextEvents}.
 */
class WeldRequestContextChoiceTest {

    @Test
    void theUnboundRequestContextUnlessItsEventsAreObserved() {
        try (WeldContainer container = Cdi.boot(new RequestContextPerDelivery().classes())) {
            assertThat(RequestContexts.of(container.getBeanManager())).isInstanceOf(RequestContexts.Weld.class);
        }
        try (WeldContainer container = Cdi.boot(new RequestContextEvents().classes())) {
            assertThat(RequestContexts.of(container.getBeanManager())).isInstanceOf(RequestContextCalls.class);
        }
    }
}
