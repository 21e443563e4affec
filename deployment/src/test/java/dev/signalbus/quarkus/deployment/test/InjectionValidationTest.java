package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.PeriodicTask;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Unsatisfied and ambiguous injected parameters are found by ArC through the invokers' argument lookups; the failure
 * names the method.
 */
public class InjectionValidationTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Handlers.class, Service.class, ServiceA.class,
                    ServiceB.class, Missing.class))
            .assertException(failure -> {
                String text = Messages.of(failure);
                assertThat(text).contains("Unsatisfied dependency").contains(Missing.class.getName())
                        .contains(Handlers.class.getName() + "#onSignal");
                assertThat(text).contains("Ambiguous dependencies").contains(Service.class.getName())
                        .contains(Handlers.class.getName() + "#tick");
            });

    @Test
    void buildFails() {
        // the assertion is on the build failure above
    }

    interface Service {
    }

    interface Missing {
    }

    @ApplicationScoped
    static class ServiceA implements Service {
    }

    @ApplicationScoped
    static class ServiceB implements Service {
    }

    @ApplicationScoped
    static class Handlers {
        void onSignal(@Subscribes("a") String signal, Missing missing) {
        }

        @PeriodicTask(every = "1s")
        void tick(Service service) {
        }
    }
}
