package dev.signalbus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;

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
        Collection<RunResult> results = JmhSmoke.run(RequestContextBenchmark.class.getName(), 1);

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
