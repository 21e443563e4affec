package dev.signalbus.it.kafka;

/** Published by the receiver for each order it delivered, to topic {@code receipts} (outgoing to Kafka). */
public record Receipt(long id, String instance) {
}
