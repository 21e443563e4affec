package dev.signalbus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Smoke mode: the keyed benchmark, with and without a key, runs one very short iteration in this
 * JVM, so that a broken keyed path fails the build. The figures mean nothing; see the class's
 * javadoc for the real run.
 */
class KeyedBenchmarkSmokeTest {

    @Test
    void keyedAndUnkeyedDeliverEverySignal() throws RunnerException {
        System.setProperty("jmh.ignoreLock", "true");
        Options options = new OptionsBuilder()
                .include(KeyedBenchmark.class.getName() + ".deliver")
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .forks(0)
                .shouldFailOnError(true)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        List<String> measured = new ArrayList<>();
        for (RunResult result : results) {
            String keyed = result.getParams().getParam("keyed");
            assertThat(result.getPrimaryResult().getScore()).as("keyed = " + keyed).isPositive();
            measured.add(keyed);
        }
        assertThat(measured).containsExactlyInAnyOrder("false", "true");
    }
}
