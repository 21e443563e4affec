package dev.signalbus.it.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The broker that the build started answers: a topic created, written and read back with kafka-clients. */
class KafkaBrokerIT {

    @Test
    void producesAndConsumes() throws Exception {
        Kafka.createTopic("broker-check", 2);
        List<String> values = IntStream.range(0, 1000).mapToObj(i -> "value-" + i).toList();
        try (var producer = Kafka.producer()) {
            for (String value : values) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("broker-check", value));
            }
        }
        assertThat(Kafka.readAll("broker-check")).containsExactlyInAnyOrderElementsOf(values);
    }
}
