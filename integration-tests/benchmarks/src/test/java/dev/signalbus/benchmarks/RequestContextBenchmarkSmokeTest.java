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
 * Smoke mode: each request-context benchmark runs one very short iteration, so that the harness
 * cannot rot. The figures mean nothing; the real run is run.sh.
 * <p>
 * In a forked JVM, unlike the fan-out smoke test: Weld defines the intercepted subclass of the
 * benchmark's bean once per class loader, with only the methods that this container intercepts, and
 * {@link RequestContextBenchmarkTest} needs its own (every method intercepted by its probe).
 */
class RequestContextBenchmarkSmokeTest {

    @Test
    void everyBenchmarkScores() throws RunnerException {
        // another JMH run on the machine (the full comparison) must not make this test fail
        System.setProperty("jmh.ignoreLock", "true");
        Options options = new OptionsBuilder()
                .include(RequestContextBenchmark.class.getName())
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .forks(1)
                .shouldFailOnError(true)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        List<String> measured = new ArrayList<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            assertThat(result.getPrimaryResult().getScore()).as(name).isPositive();
            measured.add(name);
        }
        assertThat(measured).containsExactlyInAnyOrderElementsOf(RequestContextBenchmark.BENCHMARKS);
    }
}
