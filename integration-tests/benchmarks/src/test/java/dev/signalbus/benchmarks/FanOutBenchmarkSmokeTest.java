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
 * Smoke mode: every fan-out benchmark (each peer, 1 and 4 subscribers) runs one very short
 * iteration in this JVM, so that a broken peer or a changed engine contract fails the build. The
 * figures mean nothing; the full comparison is run.sh.
 */
class FanOutBenchmarkSmokeTest {

    @Test
    void everyPeerDeliversEverySignalToEverySubscriber() throws RunnerException {
        // another JMH run on the machine (the full comparison) must not make this test fail
        System.setProperty("jmh.ignoreLock", "true");
        Options options = new OptionsBuilder()
                .include(FanOutBenchmark.class.getName() + ".fanOut")
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .forks(0)
                .shouldFailOnError(true)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        List<String> measured = new ArrayList<>();
        for (RunResult result : results) {
            String peer = result.getParams().getParam("peer");
            String subscribers = result.getParams().getParam("subscribers");
            assertThat(result.getPrimaryResult().getScore()).as(peer + " with " + subscribers + " subscribers")
                    .isPositive();
            measured.add(peer + "/" + subscribers);
        }
        List<String> expected = new ArrayList<>();
        for (String peer : Peers.ALL) {
            expected.add(peer + "/1");
            expected.add(peer + "/4");
        }
        assertThat(measured).containsExactlyInAnyOrderElementsOf(expected);
    }
}
