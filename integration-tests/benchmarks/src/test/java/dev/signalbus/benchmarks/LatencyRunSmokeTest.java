package dev.signalbus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.Test;
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
        // the GC pauses of the measured period are known (none is a figure too)
        assertThat(result.gcKnown()).isTrue();
        assertThat(result.gcPauses()).isNotNegative();
        assertThat(result.gcPauseMillis()).isNotNegative();
        LatencyRun.Result parsed = LatencyRun.Result.parse(result.line());
        assertThat(parsed.line()).isEqualTo(result.line());
        assertThat(parsed.gcPauseMillis()).isEqualTo(result.gcPauseMillis());
    }

    @Test
    void eachSubscribersSamplesAreMergedIntoOneHistogram() {
        Recorder[] recorders = { new Recorder(1_000_000, 3), new Recorder(1_000_000, 3) };
        for (int i = 1; i <= 100; i++) {
            recorders[0].recordValue(i * 1000L);
        }
        recorders[1].recordValue(500_000);

        var merged = LatencyRun.merged(recorders);

        assertThat(merged.getTotalCount()).isEqualTo(101);
        assertThat(merged.getMaxValue()).isBetween(499_000L, 501_000L);
    }

    @Test
    void gcPausesOfAWindowAreCounted() {
        GcPauses window = GcPauses.start();
        for (int i = 0; i < 3; i++) {
            System.gc(); // a full collection, stop-the-world, unless the JVM was told to ignore System.gc()
        }
        GcPauses.Window pauses = window.stop();

        assertThat(pauses.count()).isGreaterThanOrEqualTo(3);
        assertThat(pauses.millis()).isNotNegative();
        assertThat(GcPauses.pauses("G1 Young Generation")).isTrue();
        assertThat(GcPauses.pauses("ZGC Pauses")).isTrue();
        assertThat(GcPauses.pauses("ZGC Cycles")).isFalse();
        assertThat(GcPauses.pauses("Shenandoah Cycles")).isFalse();
    }

    @Test
    void linesWithoutGcColumnsReadAsUnknownAndSummariesSayWhetherEveryRunKnewThem() {
        LatencyRun.Result old = LatencyRun.Result.parse("vertx\t1\t1000\t1000\t100\t100\t1.0\t2.0\t3.0\t4.0\ttrue");
        LatencyRun.Result known = new LatencyRun.Result("vertx", 1, 1000, 1000, 100, 100, 1, 5, 6, 7, true, 2, 12);
        LatencyRun.Result other = new LatencyRun.Result("vertx", 1, 1000, 1000, 100, 100, 1, 5, 6, 7, true, 1, 30);
        LatencyRun.Result third = new LatencyRun.Result("vertx", 1, 1000, 1000, 100, 100, 1, 5, 6, 7, true, 0, 0);

        assertThat(old.gcKnown()).isFalse();
        assertThat(LatencyRun.summarize(List.of(old, known)).get(0).gcKnown()).isFalse();
        assertThat(Report.gc(LatencyRun.summarize(List.of(old, known)).get(0))).isEqualTo("-");
        LatencyRun.Summary summary = LatencyRun.summarize(List.of(known, other, third)).get(0);
        assertThat(summary.gcPauses()).isEqualTo(1);
        assertThat(summary.gcPauseMillis()).isEqualTo(12);
        assertThat(summary.gcPauseMillisMax()).isEqualTo(30);
        assertThat(Report.gc(summary)).isEqualTo("1, 12 (30)");
    }
}
