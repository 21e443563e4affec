package dev.signalbus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Smoke mode of the idle-cost run: 1,000 idle subscribers per peer retain some heap, and it is reported. */
class IdleCostRunSmokeTest {

    @ParameterizedTest
    @FieldSource("dev.signalbus.benchmarks.IdleCostRun#PEERS")
    void registeredSubscribersRetainHeap(String peer) {
        IdleCostRun.Result result = IdleCostRun.measure(peer, 1_000);

        assertThat(result.subscribers()).isEqualTo(1_000);
        assertThat(result.heapBytes()).isPositive();
        assertThat(IdleCostRun.Result.parse(result.line())).isEqualTo(result);
    }
}
