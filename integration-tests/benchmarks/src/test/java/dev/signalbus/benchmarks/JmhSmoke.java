package dev.signalbus.benchmarks;

import java.util.Collection;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs benchmarks in smoke mode: one iteration of 100 ms, no warm-up, failing on any error; the
 * figures mean nothing, a broken benchmark fails the build.
 */
final class JmhSmoke {

    private JmhSmoke() {
    }

    /**
     * @param include the benchmarks' regular expression
     * @param forks 0 to run in this JVM
     */
    static Collection<RunResult> run(String include, int forks) throws RunnerException {
        // another JMH run on the machine (the full comparison) must not make this test fail
        System.setProperty("jmh.ignoreLock", "true");
        return new Runner(new OptionsBuilder()
                .include(include)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .forks(forks)
                .shouldFailOnError(true)
                .build()).run();
    }
}
