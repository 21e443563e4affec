package dev.signalbus.it.weld;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;

/** The sender's publisher: each order returned is published to topic {@code orders}, which goes out to Kafka. */
@ApplicationScoped
public class OrderPublisher {

    @Publishes("orders")
    public Order send(long id) {
        return new Order(id, "weld");
    }
}
