package dev.signalbus.it.jee;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

/** A request-scoped bean with an identity: one instance per request context. */
@RequestScoped
public class RequestTag {

    private final String id = UUID.randomUUID().toString();

    public String id() {
        return id;
    }
}
