package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Signal Bus problems and unsatisfied or ambiguous injected parameters of other methods are reported together, in one
 * build failure.
 */
public class ProblemsReportedTogetherTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Handlers.class, Service.class, ServiceA.class,
                    ServiceB.class, Missing.class))
            .assertException(failure -> {
                String text = Messages.of(failure);
                String handlers = Handlers.class.getName();
                assertThat(text).contains(handlers + "#badEvery").contains("never");
                assertThat(text).contains(handlers + "#voidPublisher");
                assertThat(text).contains(handlers + "#onSignal: injected parameter 1").contains("is unsatisfied");
                assertThat(text).contains(handlers + "#tick: injected parameter 0").contains("is ambiguous");
                assertThat(text).doesNotContain(handlers + "#fine: injected");
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

        void fine(@Subscribes("a") String signal, ServiceA service, @Named("unused") jakarta.enterprise.inject.Instance<Missing> lazy) {
        }

        @PeriodicTask(every = "never")
        void badEvery() {
        }

        @Publishes("a")
        void voidPublisher() {
        }
    }
}
