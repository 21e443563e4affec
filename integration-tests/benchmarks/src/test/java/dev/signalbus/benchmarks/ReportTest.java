package dev.signalbus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report run.sh writes: every peer's figure with its ratio to ours, the targets checked, and the cost
 * of a fresh request context when it was measured.
 */
class ReportTest {

    @TempDir
    Path dir;

    @Test
    void givesEveryPeerAsARatioToOursAndChecksTheTargets() throws IOException {
        Path csv = dir.resolve("results.csv");
        Files.writeString(csv, """
                "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: peer","Param: subscribers"
                "dev.signalbus.benchmarks.FanOutBenchmark.fanOut","thrpt",1,5,1000000.0,1000.0,"ops/s",signal-bus-engine,1
                "dev.signalbus.benchmarks.FanOutBenchmark.fanOut","thrpt",1,5,400000.0,1000.0,"ops/s",signal-bus-engine,4
                "dev.signalbus.benchmarks.FanOutBenchmark.fanOut:gc.alloc.rate.norm","thrpt",1,5,100.2,0.5,"B/op",signal-bus-engine,4
                "dev.signalbus.benchmarks.FanOutBenchmark.fanOut:gc.count","thrpt",1,5,3.0,NaN,"counts",signal-bus-engine,4
                "dev.signalbus.benchmarks.FanOutBenchmark.fanOut","thrpt",1,5,250000.0,NaN,"ops/s",vertx,1
                "dev.signalbus.benchmarks.FanOutBenchmark.fanOut","thrpt",1,5,100000.0,25000.0,"ops/s",vertx,4
                "dev.signalbus.benchmarks.FanOutBenchmark.fanOut","thrpt",1,5,1000000.0,100000.0,"ops/s",raw-queue,4
                """);
        // three runs each, as run.sh makes them: medians across runs, the p99's spread, the kept-up count; the
        // GC pauses of each run (the Vert.x runs as in a file written before they were recorded: unknown)
        List<LatencyRun.Result> latency = List.of(
                new LatencyRun.Result("signal-bus-engine", 1, 500_000, 499_000, 1000, 1000, 10, 50, 80, 90, true, 0, 0),
                new LatencyRun.Result("vertx", 1, 500_000, 400_000, 1000, 1000, 20, 150, 800, 900, false),
                new LatencyRun.Result("signal-bus-engine", 1, 500_000, 498_000, 1000, 1000, 12, 70, 85, 300, true, 1, 3),
                new LatencyRun.Result("vertx", 1, 500_000, 480_000, 1000, 1000, 25, 120, 700, 950, true),
                new LatencyRun.Result("signal-bus-engine", 1, 500_000, 497_000, 1000, 1000, 11, 4000, 9000, 9500, true, 2, 20),
                new LatencyRun.Result("vertx", 1, 500_000, 499_000, 1000, 1000, 21, 160, 810, 990, true));
        List<IdleCostRun.Result> idle = List.of(new IdleCostRun.Result("signal-bus-engine", 10_000, 0, 4_000_000),
                new IdleCostRun.Result("guava", 10_000, 0, 1_000_000));

        List<StartupRun.Result> startup = List.of(new StartupRun.Result("empty", 0, 800, new double[] { 790, 800, 810 }),
                new StartupRun.Result("subscribers", 1000, 880, new double[] { 870, 880, 890 }));

        String md = Report.render(JmhResults.read(csv), latency, idle, startup,
                ZonedDateTime.of(2026, 11, 26, 6, 30, 15, 123, ZoneOffset.UTC), "run.sh", "1.0, 1.0, 1.0", "smoke");

        assertThat(md)
                .contains("| **signal-bus-engine** (ours) | 1,000,000 +- 1,000 | 1.00x | 1,600,000 +- 4,000 | 1.00x | - / 100 |")
                .contains("| vertx | 250,000 | 0.25x | 400,000 +- 100,000 | 0.25x | - / - |")
                .contains("| raw-queue | - | - | 4,000,000 +- 400,000 | 2.50x | - / - |")
                .contains("| **signal-bus-engine** (ours) | 1 | 3 | 500,000 | 498,000 | yes | 3,000 | 11.0 | 70.0 | 50.0 - 4000.0"
                        + " | 1, 3 (20) | 85.0 | 9500.0 | 1.00x |")
                .contains("| vertx | 1 | 3 | 500,000 | 480,000 | **1 of 3 runs not** | 3,000 | 21.0 | 150.0 | 120.0 - 160.0"
                        + " | - | 800.0 | 990.0 | 2.14x |")
                .contains("| guava | 10000 | 0 | 0.0000 | 1,000,000 | 100 | 0.25x |")
                // the intervals: 399,000 - 401,000 over 75,000 - 125,000, and over 900,000 - 1,100,000
                .contains("- `signal-bus-engine`: 1 -> 4 throughput at least 2x the fastest of Weld async / Vert.x / Guava"
                        + " (vertx): 4.00x (99.9% interval 3.19x - 5.35x), met")
                .contains("at least half the raw-queue floor: 0.40x (99.9% interval 0.36x - 0.45x) of the floor, **missed**")
                // one of the three runs over 100 us
                .contains("(1 -> 1): 70.0 us (median of 3 runs, 50.0 - 4000.0); 2 of 3 runs kept up and under 100 us,"
                        + " inconclusive")
                .contains("0 threads, 400 bytes, met")
                .contains("| subscribers | 1000 | 880 | 870, 880, 890 |")
                .contains("- the 1,000-subscriber Quarkus app within 50 ms of the empty one: +80 ms (medians); 0 of 3 pairs"
                        + " of starts within 50 ms, **missed**")
                .contains("Command: `run.sh`")
                .contains("Date: 2026-11-26T06:30:15 UTC");
    }

    @Test
    void aTargetIsMetOrMissedOnlyWhenTheWholeIntervalClearsIt() throws IOException {
        Path csv = dir.resolve("results.csv");
        // ours 450,000 - 550,000; weld-async the fastest by its mean (190,000 - 210,000), but vertx may be faster
        // (120,000 - 240,000): the fastest lies in 190,000 - 240,000, and 2x it in 380,000 - 480,000
        Files.writeString(csv, """
                "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: peer","Param: subscribers"
                "dev.signalbus.benchmarks.FanOutBenchmark.fanOut","thrpt",1,1,2000000.0,NaN,"ops/s",signal-bus,4
                "dev.signalbus.benchmarks.FanOutBenchmark.fanOut","thrpt",3,9,500000.0,50000.0,"ops/s",signal-bus-engine,4
                "dev.signalbus.benchmarks.FanOutBenchmark.fanOut","thrpt",3,9,200000.0,10000.0,"ops/s",weld-async,4
                "dev.signalbus.benchmarks.FanOutBenchmark.fanOut","thrpt",3,9,180000.0,60000.0,"ops/s",vertx,4
                "dev.signalbus.benchmarks.FanOutBenchmark.fanOut","thrpt",3,9,1500000.0,100000.0,"ops/s",raw-queue,4
                """);
        List<LatencyRun.Result> latency = List.of(
                // one run only: too few to decide, however good
                new LatencyRun.Result("signal-bus", 1, 500_000, 500_000, 1000, 1000, 5, 10, 20, 30, true),
                // none of three runs met it: two over 100 us, one under but not keeping up
                new LatencyRun.Result("signal-bus", 4, 100_000, 100_000, 1000, 4000, 5, 150, 300, 400, true),
                new LatencyRun.Result("signal-bus", 4, 100_000, 80_000, 1000, 4000, 5, 50, 300, 400, false),
                new LatencyRun.Result("signal-bus", 4, 100_000, 100_000, 1000, 4000, 5, 200, 300, 400, true));
        // medians 40 ms apart, but one of the three pairs of starts 100 ms apart
        List<StartupRun.Result> startup = List.of(new StartupRun.Result("empty", 0, 800, new double[] { 800, 800, 800 }),
                new StartupRun.Result("subscribers", 1000, 840, new double[] { 830, 900, 840 }));

        String md = Report.render(JmhResults.read(csv), latency, List.of(), startup,
                ZonedDateTime.of(2026, 12, 1, 6, 30, 15, 0, ZoneOffset.UTC), "run.sh", "1.0, 1.0, 1.0", "smoke");

        assertThat(md)
                .contains("How a target is decided: a throughput target from JMH's 99.9% confidence intervals")
                // 2.5x on the means, and 2.14x - 2.89x against weld-async alone, but 1.88x - 2.89x against the fastest
                .contains("- `signal-bus-engine`: 1 -> 4 throughput at least 2x the fastest of Weld async / Vert.x / Guava"
                        + " (weld-async): 2.50x (99.9% interval 1.88x - 2.89x), inconclusive")
                .contains("- `signal-bus-engine`: 1 -> 4 throughput at least half the raw-queue floor: 0.33x (99.9% interval"
                        + " 0.28x - 0.39x) of the floor, **missed**")
                // a single measurement: no interval, whatever its mean
                .contains("- `signal-bus`: 1 -> 4 throughput at least 2x the fastest of Weld async / Vert.x / Guava"
                        + " (weld-async): 10.00x (no 99.9% interval), inconclusive")
                .contains("(1 -> 1): 10.0 us (median of 1 runs, 10.0 - 10.0); 1 of 1 runs kept up and under 100 us,"
                        + " inconclusive")
                .contains("(1 -> 4): 150.0 us (median of 3 runs, 50.0 - 200.0) (did not keep up with the offered rate);"
                        + " 0 of 3 runs kept up and under 100 us, **missed**")
                .contains("+40 ms (medians); 2 of 3 pairs of starts within 50 ms, inconclusive");
        assertThat(md).doesNotContain(", met\n");
    }

    @Test
    void givesTheQuarkusTableAndDecidesItsTargetFromTheRoundsIntervals() throws IOException {
        Path csv = dir.resolve("results.csv");
        Files.writeString(csv, """
                "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: peer","Param: subscribers"
                "dev.signalbus.benchmarks.FanOutBenchmark.fanOut","thrpt",3,9,500000.0,50000.0,"ops/s",signal-bus,4
                """);
        // three rounds each, without spread: intervals of zero width. Ours 1,000,000 published/s at 1 -> 4, the
        // fastest CDI-integrated peer (consume-event) 400,000: 2.5x, met
        List<QuarkusResults.Round> rounds = new java.util.ArrayList<>();
        for (int round = 0; round < 3; round++) {
            rounds.add(new QuarkusResults.Round("signal-bus", 4, round, 0.6, 600_000, 1_000_000));
            rounds.add(new QuarkusResults.Round("consume-event-blocking", 4, round, 0.6, 120_000, 200_000));
            rounds.add(new QuarkusResults.Round("consume-event", 4, round, 0.6, 240_000, 400_000));
            rounds.add(new QuarkusResults.Round("arc-async", 4, round, 0.6, 180_000, 300_000));
            rounds.add(new QuarkusResults.Round("signal-bus", 1, round, 0.6, 1_200_000, 2_000_000));
        }
        List<LatencyRun.Result> latency = List.of(
                new LatencyRun.Result("signal-bus", 4, 500_000, 500_000, 1000, 4000, 5, 40, 60, 90, true, 1, 4),
                new LatencyRun.Result("arc-async", 4, 500_000, 500_000, 1000, 4000, 5, 80, 90, 95, true, 0, 0));

        String md = Report.render(JmhResults.read(csv), List.of(), List.of(), List.of(),
                ZonedDateTime.of(2026, 12, 1, 6, 30, 15, 0, ZoneOffset.UTC), "run.sh", "1.0, 1.0, 1.0", "smoke",
                List.of(), new Report.Quarkus(rounds, latency, "3 warm-up and 3 measured rounds of 0.6 s"));

        assertThat(md)
                .contains("## Fan-out throughput on Quarkus: delivered signals per second")
                .contains("rounds (3 warm-up and 3 measured rounds of 0.6 s)")
                // delivered = published x 4
                .contains("| **signal-bus** (ours: `@Publishes` -> `@Subscribes`) | 3 / 3 | 2,000,000 +- 0 |"
                        + " 2,000,000 - 2,000,000 | 1.00x | 4,000,000 +- 0 | 4,000,000 - 4,000,000 | 1.00x |")
                .contains("| consume-event (`@ConsumeEvent`, event loop) | 3 | - | - | - | 1,600,000 +- 0 |"
                        + " 1,600,000 - 1,600,000 | 0.40x |")
                .contains("## Latency on Quarkus: publish to start of delivery")
                .contains("| arc-async | 4 | 1 | 500,000 | 500,000 | yes | 4,000 | 5.0 | 80.0 | 80.0 - 80.0 | 0, 0 (0) |"
                        + " 90.0 | 95.0 | 2.00x |")
                .contains("- `signal-bus` on Quarkus: 1 -> 4 throughput at least 2x the fastest of `@ConsumeEvent`"
                        + " (blocking ordered, event loop) and ArC `fireAsync` (consume-event): 2.50x (99.9% interval"
                        + " 2.50x - 2.50x, from the rounds' t-intervals), met");

        // one round of a peer: no interval, inconclusive whatever the means
        List<QuarkusResults.Round> one = List.of(new QuarkusResults.Round("signal-bus", 4, 0, 0.6, 600_000, 1_000_000),
                new QuarkusResults.Round("signal-bus", 4, 1, 0.6, 600_000, 1_000_000),
                new QuarkusResults.Round("arc-async", 4, 0, 0.6, 60_000, 100_000));
        assertThat(Report.render(JmhResults.read(csv), List.of(), List.of(), List.of(),
                ZonedDateTime.of(2026, 12, 1, 6, 30, 15, 0, ZoneOffset.UTC), "run.sh", "?", "smoke", List.of(),
                new Report.Quarkus(one, List.of(), "?")))
                .contains("(arc-async): 10.00x (no 99.9% interval: fewer than 2 rounds), inconclusive");
        // not measured at all
        assertThat(Report.render(JmhResults.read(csv), List.of(), List.of(), List.of(),
                ZonedDateTime.of(2026, 12, 1, 6, 30, 15, 0, ZoneOffset.UTC), "run.sh", "?", "smoke"))
                .contains("## Fan-out throughput on Quarkus: delivered signals per second\n\nNot measured in this run.")
                .contains("and ArC `fireAsync`: not measured");
    }

    @Test
    void decidesFromTheIntervalNotTheMean() {
        assertThat(Verdict.atLeast(Optional.of(new Verdict.Interval(2.0, 3.0)), 2)).isEqualTo(Verdict.MET);
        assertThat(Verdict.atLeast(Optional.of(new Verdict.Interval(1.99, 3.0)), 2)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.atLeast(Optional.of(new Verdict.Interval(1.0, 2.0)), 2)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.atLeast(Optional.of(new Verdict.Interval(1.0, 1.99)), 2)).isEqualTo(Verdict.MISSED);
        assertThat(Verdict.atLeast(Optional.empty(), 2)).isEqualTo(Verdict.INCONCLUSIVE);

        assertThat(Verdict.Interval.of(new JmhResults.Score("p", 4, 100, 10, Double.NaN)))
                .contains(new Verdict.Interval(90, 110));
        assertThat(Verdict.Interval.of(new JmhResults.Score("p", 4, 100, Double.NaN, Double.NaN))).isEmpty();
        assertThat(Verdict.Interval.max(List.of(new Verdict.Interval(190, 210), new Verdict.Interval(120, 240))))
                .isEqualTo(new Verdict.Interval(190, 240));
        assertThat(new Verdict.Interval(400, 600).dividedBy(new Verdict.Interval(100, 200)))
                .isEqualTo(new Verdict.Interval(2, 6));
        // a divisor that may be zero leaves the ratio unbounded above
        assertThat(new Verdict.Interval(400, 600).dividedBy(new Verdict.Interval(-10, 200)).high()).isInfinite();

        assertThat(Verdict.ofRuns(List.of(true, true), 3)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.ofRuns(List.of(true, true, true), 3)).isEqualTo(Verdict.MET);
        assertThat(Verdict.ofRuns(List.of(false, false, false), 3)).isEqualTo(Verdict.MISSED);
        assertThat(Verdict.ofRuns(List.of(true, false, true), 3)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.MISSED).hasToString("**missed**");
    }

    @Test
    void givesTheCostOfAFreshRequestContextAndTheFloorItSets() throws IOException {
        Path results = dir.resolve("results.csv");
        Files.writeString(results, """
                "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: peer","Param: subscribers"
                "dev.signalbus.benchmarks.FanOutBenchmark.fanOut","thrpt",1,5,1000000.0,1000.0,"ops/s",signal-bus,1
                """);
        // JMH's order (alphabetical), a benchmark without an allocation figure, and another without an error
        Path context = dir.resolve("context.csv");
        Files.writeString(context, """
                "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"
                "dev.signalbus.benchmarks.RequestContextBenchmark.freshRequestContext","avgt",1,3,262.5,12.25,"ns/op"
                "dev.signalbus.benchmarks.RequestContextBenchmark.freshRequestContext:gc.alloc.rate","avgt",1,3,1768.0,28.7,"MB/sec"
                "dev.signalbus.benchmarks.RequestContextBenchmark.freshRequestContext:gc.alloc.rate.norm","avgt",1,3,496.01,0.34,"B/op"
                "dev.signalbus.benchmarks.RequestContextBenchmark.freshRequestContext:gc.count","avgt",1,3,17.0,NaN,"counts"
                "dev.signalbus.benchmarks.RequestContextBenchmark.freshRequestContextWithRequestScopedBean","avgt",1,3,600.0,NaN,"ns/op"
                "dev.signalbus.benchmarks.RequestContextBenchmark.plainCall","avgt",1,3,62.5,1.5,"ns/op"
                "dev.signalbus.benchmarks.RequestContextBenchmark.plainCall:gc.alloc.rate.norm","avgt",1,3,192.0,0.1,"B/op"
                """);

        String md = Report.render(JmhResults.read(results), List.of(), List.of(), List.of(),
                ZonedDateTime.of(2026, 11, 26, 6, 30, 15, 0, ZoneOffset.UTC), "run.sh", "1.0, 1.0, 1.0", "smoke",
                RequestContextResults.read(context).scores());

        assertThat(md)
                .contains("## Cost of a fresh request context per delivery (Weld SE)")
                .contains("""
                        | benchmark | ns/op | bytes allocated per op | difference to `plainCall`, ns |
                        |---|---:|---:|---:|
                        | plainCall | 62.5 +- 1.5 | 192 | baseline |
                        | freshRequestContext | 262.5 +- 12.3 | 496 | +200.0 |
                        | freshRequestContextWithRequestScopedBean | 600.0 | - | +537.5 |
                        """)
                .contains("A fresh request context through the interceptor costs 200.0 ns of CPU per delivery on top of the call, so two"
                        + " cores could make at most 10,000,000 deliveries per second if each paid only that"
                        + " (2 x 1e9 / 200.0).");
        // after the idle-cost section, before the start-up one
        assertThat(md.indexOf("## Cost of a fresh request context")).isGreaterThan(md.indexOf("## Cost of idle"))
                .isLessThan(md.indexOf("## Quarkus start-up"));
        // not measured (no --context): no section at all
        assertThat(Report.render(JmhResults.read(results), List.of(), List.of(), List.of(),
                ZonedDateTime.of(2026, 11, 26, 6, 30, 15, 0, ZoneOffset.UTC), "run.sh", "1.0, 1.0, 1.0", "smoke"))
                .doesNotContain("Cost of a fresh request context");
    }

    @Test
    void refusesAResultFileOfAnotherBenchmark() throws IOException {
        Path csv = dir.resolve("context.csv");
        Files.writeString(csv, """
                "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: peer","Param: subscribers"
                "dev.signalbus.benchmarks.FanOutBenchmark.fanOut","thrpt",1,5,1000000.0,1000.0,"ops/s",signal-bus,1
                """);

        assertThatThrownBy(() -> RequestContextResults.read(csv)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a RequestContextBenchmark CSV result");
    }
}
