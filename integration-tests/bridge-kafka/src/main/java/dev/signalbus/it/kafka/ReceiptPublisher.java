package dev.signalbus.it.kafka;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Publishes;

/** The receiver's chain: a receipt per delivered order, to topic {@code receipts}, bridged to Kafka (case 4). */
@ApplicationScoped
public class ReceiptPublisher {

    @Publishes("receipts")
    public Receipt receipt(long id, String instance) {
        return new Receipt(id, instance);
    }
}
