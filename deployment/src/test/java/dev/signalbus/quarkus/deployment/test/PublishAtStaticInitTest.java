package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.DefinitionError;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Quarkus fires {@code @Initialized(ApplicationScoped.class)} at static init, before the run-time configuration and
 * the scheduler the bus needs exist: a publish from such an observer fails the start with an error that says so and
 * names {@code StartupEvent} as the place to publish from (it used to fail on the scheduler's synthetic bean, with no
 * word of Signal Bus). On the portable extension the same observer may publish ({@code PublishedBeforeStartTest}).
 */
public class PublishAtStaticInitTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Early.class, Announcer.class, Listener.class))
            .assertException(failure -> assertThat(DefinitionError.messages(failure))
                    .contains("Signal Bus cannot be used at static init")
                    .contains("@Initialized(ApplicationScoped.class)")
                    .contains("StartupEvent"));

    @Test
    void doesNotStart() {
        // never runs: the application fails to start
    }

    @ApplicationScoped
    public static class Early {
        void onInit(@Observes @Initialized(ApplicationScoped.class) Object event, Announcer announcer) {
            announcer.announce("too early");
        }
    }

    @ApplicationScoped
    public static class Announcer {
        @Publishes("status")
        String announce(String status) {
            return status;
        }
    }

    @ApplicationScoped
    public static class Listener {
        void on(@Subscribes("status") String status) {
        }
    }
}
