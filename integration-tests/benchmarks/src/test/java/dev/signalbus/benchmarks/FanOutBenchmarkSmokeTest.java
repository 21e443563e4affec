package dev.signalbus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Smoke mode: every fan-out benchmark (each peer, 1 and 4 subscribers) runs one very short
 * iteration in this JVM, so that a broken peer or a changed engine contract fails the build. The
 * figures mean nothing; the full comparison is run.sh.
 */
class FanOutBenchmarkSmokeTest {

    @Test
    void everyPeerDeliversEverySignalToEverySubscriber() throws RunnerException {
        Collection<RunResult> results = JmhSmoke.run(FanOutBenchmark.class.getName() + ".fanOut", 0);

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
