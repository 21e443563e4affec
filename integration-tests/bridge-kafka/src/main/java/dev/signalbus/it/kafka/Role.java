package dev.signalbus.it.kafka;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What this JVM is, from its Quarkus profile: {@code sender} or {@code receiver}. */
@ApplicationScoped
public class Role {

    @ConfigProperty(name = "app.role", defaultValue = "none")
    String role;

    @ConfigProperty(name = "app.instance", defaultValue = "app")
    String instance;

    String role() {
        return role;
    }

    boolean receiver() {
        return "receiver".equals(role);
    }

    String instance() {
        return instance;
    }
}
