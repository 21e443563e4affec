package dev.signalbus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Smoke mode: the keyed benchmark, with and without a key, runs one very short iteration in this
 * JVM, so that a broken keyed path fails the build. The figures mean nothing; see the class's
 * javadoc for the real run.
 */
class KeyedBenchmarkSmokeTest {

    @Test
    void keyedAndUnkeyedDeliverEverySignal() throws RunnerException {
        Collection<RunResult> results = JmhSmoke.run(KeyedBenchmark.class.getName() + ".deliver", 0);

        List<String> measured = new ArrayList<>();
        for (RunResult result : results) {
            String keyed = result.getParams().getParam("keyed");
            assertThat(result.getPrimaryResult().getScore()).as("keyed = " + keyed).isPositive();
            measured.add(keyed);
        }
        assertThat(measured).containsExactlyInAnyOrder("false", "true");
    }
}
