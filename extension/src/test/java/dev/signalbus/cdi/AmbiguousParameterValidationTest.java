package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

import dev.signalbus.Subscribes;

/** An injected parameter that several beans satisfy is a deployment error naming the method and the candidates. */
class AmbiguousParameterValidationTest {

    @Test
    void deploymentFailsNamingTheMethod() {
        String message = Cdi.deploymentFailure(Orders.class, SmtpMailer.class, ApiMailer.class);
        assertThat(message)
                .contains(Orders.class.getName() + "#confirm")
                .contains("ambiguous")
                .contains(SmtpMailer.class.getName())
                .contains(ApiMailer.class.getName());
    }

    interface Mailer {
    }

    @ApplicationScoped
    static class SmtpMailer implements Mailer {
    }

    @ApplicationScoped
    static class ApiMailer implements Mailer {
    }

    @ApplicationScoped
    static class Orders {
        void confirm(@Subscribes("orders") String order, Mailer mailer) {
        }
    }
}
