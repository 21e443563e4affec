package dev.signalbus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Smoke mode of the latency run: each peer, a fraction of a second at a low rate, every delivery recorded. */
class LatencyRunSmokeTest {

    @ParameterizedTest
    @FieldSource("dev.signalbus.benchmarks.Peers#ALL")
    void everyDeliveryOfTheMeasuredPeriodIsRecorded(String peer) {
        LatencyRun.Result result = LatencyRun.measure(peer, 4, 10_000, Duration.ofMillis(50), Duration.ofMillis(200));

        assertThat(result.published()).isEqualTo(2_000L);
        assertThat(result.samples()).isEqualTo(2_000L * 4);
        assertThat(result.p50()).isPositive();
        assertThat(result.p99()).isGreaterThanOrEqualTo(result.p50());
        assertThat(result.achievedRate()).isPositive();
        assertThat(LatencyRun.Result.parse(result.line()).peer()).isEqualTo(peer);
    }
}
