package dev.signalbus.it.jee;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

/** A request-scoped bean with an identity: one instance per request context. */
@RequestScoped
class RequestTag {

    private final String id = UUID.randomUUID().toString();

    String id() {
        return id;
    }
}
