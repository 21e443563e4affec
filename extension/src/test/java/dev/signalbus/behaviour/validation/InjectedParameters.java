package dev.signalbus.behaviour.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import dev.signalbus.PeriodicTask;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.DefinitionError;

/**
 * An injected parameter of a subscriber or periodic task that no bean satisfies, or that several beans satisfy, is a
 * definition error naming the method, the parameter's type and the candidates. When these are the only problems of a
 * Quarkus application, ArC finds them itself, through the argument lookups of the bus's invokers, and words them its
 * own way ("Unsatisfied dependency for type ..."); so this checks what both say. With other problems, the bus checks
 * them on Quarkus too, in the portable extension's words: {@link AllProblemsReportedTogether}.
 */
public class InjectedParameters extends DefinitionError {

    @Override
    public void check(String messages, String settingsPrefix) {
        String orders = Orders.class.getName();
        assertThat(messages).contains(orders + "#confirm").contains(Mailer.class.getName())
                .contains(orders + "#remind").contains("reminders")
                .contains(orders + "#bill").contains(Payments.class.getName())
                .contains(CardPayments.class.getName()).contains(CashPayments.class.getName());
        assertThat(messages.toLowerCase()).contains("unsatisfied").contains("ambiguous");
        if (settingsPrefix.equals("signal-bus.")) {
            // the portable extension words them itself (on Quarkus only with other problems present)
            assertThat(messages).contains("is unsatisfied: no bean has type " + Mailer.class.getName())
                    .contains("is unsatisfied: no bean has type java.lang.String with qualifiers @")
                    .contains("is ambiguous: beans of [" + CardPayments.class.getName() + ", "
                            + CashPayments.class.getName() + "] all have type " + Payments.class.getName());
        }
    }

    public interface Mailer {
    }

    public interface Payments {
    }

    @ApplicationScoped
    public static class CardPayments implements Payments {
    }

    @ApplicationScoped
    public static class CashPayments implements Payments {
    }

    @ApplicationScoped
    public static class Orders {
        void confirm(@Subscribes("orders") String order, Mailer mailer) {
        }

        @PeriodicTask(every = "1s")
        void remind(@Named("reminders") String text) {
        }

        void bill(@Subscribes("orders") String order, Payments payments) {
        }
    }
}
