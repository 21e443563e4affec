package dev.signalbus.behaviour.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Named;

import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.DefinitionError;

/**
 * Every problem of an application is reported at once, in one failure listing them all — the bus's own checks and
 * the injected parameters alike — so that the user fixes them in one go; a method without a problem is not named.
 */
public class AllProblemsReportedTogether extends DefinitionError {

    @Override
    public void check(String messages, String settingsPrefix) {
        String broken = Broken.class.getName();
        assertThat(messages).contains("Signal Bus found 5 problems in this application:")
                .contains("1. ").contains("2. ").contains("3. ").contains("4. ").contains("5. ")
                .contains(broken + "#silent() is a @Publishes method but returns void")
                .contains(broken + "#poll() has @PeriodicTask(every = \"never\"), which is not a valid duration")
                .contains(broken + "#receive(String) is a @Subscribes method and must not be private")
                .contains(broken + "#confirm(String, Mailer): parameter 1 'mailer' (" + Mailer.class.getName()
                        + ") is unsatisfied")
                .contains(broken + "#tick(Service): parameter 0 'service' (" + Service.class.getName()
                        + ") is ambiguous")
                .doesNotContain(broken + "#fine");
    }

    public interface Mailer {
    }

    public interface Service {
    }

    @ApplicationScoped
    public static class ServiceA implements Service {
    }

    @ApplicationScoped
    public static class ServiceB implements Service {
    }

    @ApplicationScoped
    public static class Broken {
        @Publishes("orders")
        void silent() {
        }

        @PeriodicTask(every = "never")
        void poll() {
        }

        private void receive(@Subscribes("orders") String order) {
        }

        void confirm(@Subscribes("orders") String order, Mailer mailer) {
        }

        @PeriodicTask(every = "1s")
        void tick(Service service) {
        }

        void fine(@Subscribes("orders") String order, ServiceA service, @Named("unused") Instance<Mailer> lazy) {
        }
    }
}
