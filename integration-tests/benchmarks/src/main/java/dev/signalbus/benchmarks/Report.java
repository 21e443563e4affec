package dev.signalbus.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes {@code docs/benchmarks.md} from a run's result files: the fan-out scores (JMH CSV), the
 * latency and idle-cost tables, the cost of a fresh request context (JMH CSV), the machine, the date
 * and the command. Every peer's figure is also
 * given as a ratio to ours, because absolute figures drift from run to run on a shared machine.
 * <p>
 * Usage: {@code Report --results results.csv --latency latency.tsv --idle idle.tsv --out
 * docs/benchmarks.md --command "integration-tests/benchmarks/run.sh" [--load-before "..."] [--settings "..."]
 * [--notes notes.md] [--context context.csv]}; the notes (the hand-written analysis) are appended as they
 * are; without {@code --context} the request-context section is left out.
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Args a = new Args(args);
        JmhResults throughput = JmhResults.read(Path.of(a.text("--results", null)));
        List<LatencyRun.Result> latency = a.has("--latency") ? LatencyRun.read(Path.of(a.text("--latency", null)))
                : List.of();
        List<IdleCostRun.Result> idle = a.has("--idle") ? IdleCostRun.read(Path.of(a.text("--idle", null)))
                : List.of();
        List<StartupRun.Result> startup = a.has("--startup") ? StartupRun.read(Path.of(a.text("--startup", null)))
                : List.of();
        List<RequestContextResults.Score> context = a.has("--context")
                ? RequestContextResults.read(Path.of(a.text("--context", null))).scores()
                : List.of();
        // the date of the run, not of this report: JMH writes its results when the throughput run ends
        ZonedDateTime date = Files.getLastModifiedTime(Path.of(a.text("--results", null))).toInstant()
                .atZone(ZoneOffset.UTC);
        Quarkus quarkus = new Quarkus(
                a.has("--quarkus-throughput") ? QuarkusResults.read(Path.of(a.text("--quarkus-throughput", null)))
                        : List.of(),
                a.has("--quarkus-latency") ? LatencyRun.read(Path.of(a.text("--quarkus-latency", null))) : List.of(),
                a.text("--quarkus-settings", "?"));
        String text = render(throughput, latency, idle, startup, date, a.text("--command", "?"), a.text("--load-before", "?"),
                a.text("--settings", "?"), context, quarkus);
        if (a.has("--notes")) {
            // the analysis (profiles, what was tried) is written by hand and kept beside the harness
            text += "\n" + Files.readString(Path.of(a.text("--notes", null)), StandardCharsets.UTF_8);
        }
        Path out = Path.of(a.text("--out", "docs/benchmarks.md"));
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("Wrote " + out.toAbsolutePath());
    }

    static String render(JmhResults throughput, List<LatencyRun.Result> latency, List<IdleCostRun.Result> idle,
            List<StartupRun.Result> startup, ZonedDateTime date, String command, String loadBefore, String settings) {
        return render(throughput, latency, idle, startup, date, command, loadBefore, settings, List.of());
    }

    static String render(JmhResults throughput, List<LatencyRun.Result> latency, List<IdleCostRun.Result> idle,
            List<StartupRun.Result> startup, ZonedDateTime date, String command, String loadBefore, String settings,
            List<RequestContextResults.Score> context) {
        return render(throughput, latency, idle, startup, date, command, loadBefore, settings, context, Quarkus.NONE);
    }

    /**
     * The figures of the generated Quarkus application ({@link QuarkusBenchApp}): its throughput rounds, its latency
     * runs (in {@link LatencyRun}'s format, the Quarkus peers' names) and how they were run.
     */
    record Quarkus(List<QuarkusResults.Round> throughput, List<LatencyRun.Result> latency, String settings) {
        static final Quarkus NONE = new Quarkus(List.of(), List.of(), "");
    }

    /**
     * @param context the request-context costs; none leaves their section out
     * @param quarkus the Quarkus application's figures; none leaves its tables "not measured"
     */
    static String render(JmhResults throughput, List<LatencyRun.Result> latency, List<IdleCostRun.Result> idle,
            List<StartupRun.Result> startup, ZonedDateTime date, String command, String loadBefore, String settings,
            List<RequestContextResults.Score> context, Quarkus quarkus) {
        String ours = throughput.ours();
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks: Signal Bus against its peers\n\n");
        md.append("Generated by `integration-tests/benchmarks/run.sh`; do not edit by hand, run it again.\n\n");
        md.append("- Date: ").append(date.withZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)).append(" UTC (the end of the throughput run)\n");
        md.append("- Command: `").append(command).append("`\n");
        md.append("- Settings: ").append(settings).append('\n');
        md.append("- Machine: ").append(Machine.describe()).append('\n');
        md.append("- Load average (1, 5, 15 min) before the run: ").append(loadBefore).append("; when the report was"
                + " written: ").append(Machine.loadAverage()).append('\n');
        md.append("- Ours: `").append(ours).append("`")
                .append(ours.equals(Peers.SIGNAL_BUS) ? " (a `@Publishes` method on Weld SE, subscribers found by the"
                        + " portable extension)" : " (the engine called directly; the CDI front door was not measured)")
                .append("\n\n");
        md.append("Absolute figures drift from run to run on a shared machine; the ratios to ours, measured in the"
                + " same run, are the figures to compare. A ratio above 1 means the peer is faster (throughput)"
                + " or slower (latency, cost) than ours.\n\n");

        throughputSection(md, throughput, ours);
        List<QuarkusResults.Summary> quarkusThroughput = QuarkusResults.summarize(quarkus.throughput());
        quarkusThroughputSection(md, quarkusThroughput, quarkus.settings());
        latencySection(md, latency, ours);
        quarkusLatencySection(md, quarkus.latency());
        idleSection(md, idle);
        contextSection(md, context);
        startupSection(md, startup);
        targetsSection(md, throughput, latency, idle, startup, ours, quarkusThroughput);
        methodSection(md);
        return md.toString();
    }

    private static void throughputSection(StringBuilder md, JmhResults results, String ours) {
        md.append("## Fan-out throughput: delivered signals per second\n\n");
        md.append("One publisher thread publishes batches of ").append(FanOutBenchmark.BATCH)
                .append(" signals and waits until every subscriber has received every signal (JMH `FanOutBenchmark`,"
                        + " throughput mode; delivered = published x subscribers; +- is JMH's 99.9% error; bytes"
                        + " allocated per published signal by all threads, from `-prof gc`).\n\n");
        md.append("| peer | 1 -> 1 delivered/s | ratio to ours | 1 -> 4 delivered/s | ratio to ours |"
                + " bytes allocated per published signal, 1 -> 1 / 1 -> 4 |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (String peer : peersIn(results)) {
            md.append("| ").append(label(peer, ours)).append(" |");
            StringBuilder allocated = new StringBuilder();
            for (int subscribers : new int[] { 1, 4 }) {
                Optional<JmhResults.Score> score = results.find(peer, subscribers);
                Optional<JmhResults.Score> base = results.find(ours, subscribers);
                allocated.append(allocated.length() == 0 ? " " : " / ").append(score.filter(
                        s -> !Double.isNaN(s.allocated())).map(s -> String.format(Locale.ROOT, "%.0f", s.allocated()))
                        .orElse("-"));
                if (score.isEmpty()) {
                    md.append(" - | - |");
                    continue;
                }
                md.append(' ').append(count(score.get().score() * subscribers));
                if (!Double.isNaN(score.get().error())) {
                    md.append(" +- ").append(count(score.get().error() * subscribers));
                }
                md.append(" | ").append(base.map(b -> ratio(score.get().score() / b.score())).orElse("-")).append(" |");
            }
            md.append(allocated).append(" |\n");
        }
        md.append('\n');
    }

    private static List<String> peersIn(JmhResults results) {
        List<String> present = new ArrayList<>();
        for (String peer : Peers.ALL) {
            if (results.scores().stream().anyMatch(s -> s.peer().equals(peer))) {
                present.add(peer);
            }
        }
        return present;
    }

    private static void latencySection(StringBuilder md, List<LatencyRun.Result> runs, String ours) {
        md.append("## Latency: publish to start of delivery\n\n");
        if (runs.isEmpty()) {
            md.append("Not measured in this run.\n\n");
            return;
        }
        List<LatencyRun.Summary> latency = LatencyRun.summarize(runs);
        md.append("At a fixed offered rate of half of ours' saturation (published signals/s from the table above,"
                + " same number of subscribers); HdrHistogram over every delivery of the measured period (one recorder per"
                + " subscriber, merged after the run). Each peer"
                + " is measured in several runs, each in its own JVM, the peers taking turns: the figures are the"
                + " medians across runs (samples: the total), with the lowest and highest p99 beside them. A run"
                + " has not kept up when its publisher fell behind the schedule (achieved < 95% of offered: it"
                + " blocked on a full queue), when its backlog passed " + count(LatencyRun.MAX_BACKLOG)
                + " signals (the run then ends early), or when its last deliveries came more than 100 ms (or a"
                + " tenth of the run) after the last publish; its latencies then measure its backlog. " + GC_COLUMN
                + "\n\n");
        latencyTable(md, latency, ours);
    }

    private static void latencyTable(StringBuilder md, List<LatencyRun.Summary> latency, String ours) {
        md.append("| peer | subscribers | runs | offered/s | achieved/s | kept up | samples | p50 us | p99 us |"
                + " p99 lowest - highest us | GC pauses per run: count, ms (highest ms) | p99.9 us | max us |"
                + " p99 ratio to ours |\n");
        md.append("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LatencyRun.Summary r : latency) {
            Optional<LatencyRun.Summary> base = latency.stream()
                    .filter(b -> b.peer().equals(ours) && b.subscribers() == r.subscribers()).findFirst();
            md.append(String.format(Locale.ROOT,
                    "| %s | %d | %d | %s | %s | %s | %s | %.1f | %.1f | %.1f - %.1f | %s | %.1f | %.1f | %s |%n",
                    label(r.peer(), ours), r.subscribers(), r.runs(), count(r.offeredRate()), count(r.achievedRate()),
                    r.keptUp() ? "yes" : "**" + (r.runs() - r.keptUpRuns()) + " of " + r.runs() + " runs not**",
                    count(r.samples()), r.p50(), r.p99(), r.p99Min(), r.p99Max(), gc(r), r.p999(), r.max(),
                    base.map(b -> ratio(r.p99() / b.p99())).orElse("-")));
        }
        md.append('\n');
    }

    /** Quarkus peers as the report names them. */
    static String quarkusLabel(String peer) {
        return switch (peer) {
            case QuarkusBenchApp.SIGNAL_BUS -> "**signal-bus** (ours: `@Publishes` -> `@Subscribes`)";
            case QuarkusBenchApp.CONSUME_EVENT_BLOCKING -> "consume-event-blocking (`@ConsumeEvent(ordered = true)"
                    + " @Blocking`)";
            case QuarkusBenchApp.CONSUME_EVENT -> "consume-event (`@ConsumeEvent`, event loop)";
            case QuarkusBenchApp.ARC_ASYNC -> "arc-async (`Event.fireAsync` -> `@ObservesAsync`)";
            default -> peer;
        };
    }

    private static void quarkusThroughputSection(StringBuilder md, List<QuarkusResults.Summary> summaries,
            String settings) {
        md.append("## Fan-out throughput on Quarkus: delivered signals per second\n\n");
        if (summaries.isEmpty()) {
            md.append("Not measured in this run.\n\n");
            return;
        }
        md.append("The same fan-out in a generated production-mode Quarkus application (`QuarkusBenchApp`, built"
                + " with the extension by the reactor, run as `quarkus-run.jar` in command mode), one JVM per peer and"
                + " number of subscribers: batches of " + FanOutBenchmark.BATCH + " signals published from the main"
                + " thread, each awaited until every subscriber has counted every signal; warm-up rounds, then measured"
                + " rounds (" + settings + "). Delivered = published x subscribers; the mean of the rounds +- the"
                + " half-width of its 99.9% interval (Student's t over the rounds: mean +- t(0.9995, n - 1) x sd /"
                + " sqrt(n); the rounds of one JVM, so the spread from JVM to JVM is not in it), and the lowest and"
                + " highest round. Pools pinned to the number of subscribers n: `quarkus.thread-pool.core-threads ="
                + " max-threads = n` (Signal Bus's deliveries, `@Blocking` consumers, ArC's async observers) and"
                + " `quarkus.vertx.event-loops-pool-size = n`.\n\n");
        md.append("| peer | rounds | 1 -> 1 delivered/s | lowest - highest round | ratio to ours |"
                + " 1 -> 4 delivered/s | lowest - highest round | ratio to ours |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String peer : QuarkusBenchApp.PEERS) {
            if (summaries.stream().noneMatch(s -> s.peer().equals(peer))) {
                continue;
            }
            StringBuilder row = new StringBuilder();
            String rounds = "";
            for (int subscribers : new int[] { 1, 4 }) {
                Optional<QuarkusResults.Summary> s = QuarkusResults.find(summaries, peer, subscribers);
                Optional<QuarkusResults.Summary> base = QuarkusResults.find(summaries, QuarkusBenchApp.SIGNAL_BUS,
                        subscribers);
                if (s.isEmpty()) {
                    row.append(" - | - | - |");
                    continue;
                }
                QuarkusResults.Summary r = s.get();
                rounds += (rounds.isEmpty() ? "" : " / ") + r.rounds();
                row.append(' ').append(count(r.mean() * subscribers));
                if (!Double.isNaN(r.halfWidth())) {
                    row.append(" +- ").append(count(r.halfWidth() * subscribers));
                }
                row.append(" | ").append(count(r.min() * subscribers)).append(" - ").append(count(r.max() * subscribers))
                        .append(" | ").append(base.map(b -> ratio(r.mean() / b.mean())).orElse("-")).append(" |");
            }
            md.append("| ").append(quarkusLabel(peer)).append(" | ").append(rounds).append(" |").append(row)
                    .append('\n');
        }
        md.append('\n');
    }

    private static void quarkusLatencySection(StringBuilder md, List<LatencyRun.Result> runs) {
        md.append("## Latency on Quarkus: publish to start of delivery\n\n");
        if (runs.isEmpty()) {
            md.append("Not measured in this run.\n\n");
            return;
        }
        md.append("The paced run of the latency table above (same publisher, HdrHistogram recorder per subscriber,"
                + " kept-up rules, GC pauses) in the Quarkus application, at half of Signal Bus's mean published"
                + " signals/s on Quarkus (table above) for the same number of subscribers; each run in its own JVM,"
                + " the four peers in turn, pools pinned as above. Medians across runs; the p99 ratio is to Signal"
                + " Bus on Quarkus.\n\n");
        latencyTable(md, LatencyRun.summarize(runs), QuarkusBenchApp.SIGNAL_BUS);
    }

    /** The Quarkus target: the user path at 1 -> 4 at least 2x the fastest of @ConsumeEvent and ArC events. */
    private static void quarkusTarget(StringBuilder md, List<QuarkusResults.Summary> quarkus) {
        Optional<QuarkusResults.Summary> ours = QuarkusResults.find(quarkus, QuarkusBenchApp.SIGNAL_BUS, 4);
        List<QuarkusResults.Summary> peers = new ArrayList<>();
        for (String peer : QuarkusBenchApp.CDI_PEERS) {
            QuarkusResults.find(quarkus, peer, 4).ifPresent(peers::add);
        }
        String target = "- `signal-bus` on Quarkus: 1 -> 4 throughput at least 2x the fastest of `@ConsumeEvent`"
                + " (blocking ordered, event loop) and ArC `fireAsync`";
        if (ours.isEmpty() || peers.isEmpty()) {
            md.append(target).append(": not measured\n");
            return;
        }
        QuarkusResults.Summary fastest = peers.stream()
                .max(java.util.Comparator.comparingDouble(QuarkusResults.Summary::mean)).orElseThrow();
        Optional<Verdict.Interval> fastestInterval = Optional.empty();
        if (peers.stream().allMatch(p -> p.interval().isPresent())) {
            fastestInterval = Optional.of(Verdict.Interval.max(peers.stream().map(p -> p.interval().orElseThrow())
                    .toList()));
        }
        Optional<Verdict.Interval> interval = ours.get().interval().isEmpty() || fastestInterval.isEmpty()
                ? Optional.empty()
                : Optional.of(ours.get().interval().get().dividedBy(fastestInterval.get()));
        md.append(String.format(Locale.ROOT, "%s (%s): %s%s, %s%n", target, fastest.peer(),
                ratio(ours.get().mean() / fastest.mean()),
                interval.map(i -> " (99.9% interval " + i.ratios() + ", from the rounds' t-intervals)")
                        .orElse(" (no 99.9% interval: fewer than 2 rounds)"),
                Verdict.atLeast(interval, 2)));
    }

    /** How the GC column of a latency table is measured. */
    static final String GC_COLUMN = "GC pauses: the stop-the-world collections during each measured run and their"
            + " summed time, from the JVM's `GarbageCollectorMXBean`s (collection count and time read before and after"
            + " the measured period; concurrent collectors' cycle beans left out; whole milliseconds; on JDK 17 G1's"
            + " Remark and Cleanup pauses are in no bean), the median per run and the highest run's time: a p99 at"
            + " or above a pause's length may be that pause.";

    /** The GC column of a latency summary. */
    static String gc(LatencyRun.Summary r) {
        if (!r.gcKnown()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%s, %s (%d)", decimal(r.gcPauses()), decimal(r.gcPauseMillis()),
                r.gcPauseMillisMax());
    }

    /** A whole number as such, a median of two as {@code 2.5}. */
    private static String decimal(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static void idleSection(StringBuilder md, List<IdleCostRun.Result> idle) {
        md.append("## Cost of idle subscribers\n\n");
        if (idle.isEmpty()) {
            md.append("Not measured in this run.\n\n");
            return;
        }
        md.append("Subscribers registered and never used: live threads and retained heap (after full GCs) with them,"
                + " minus the same peer with none (`IdleCostRun`). The raw queue and the Disruptor hold one thread"
                + " per subscriber by construction; Weld observers would need one generated class each."
                + " `signal-bus-engine` runs on a pool of 4 threads; `" + IdleCostRun.ENGINE_ON_FRONT_DOOR_POOL
                + "` on the pool the CDI front door creates in Weld SE (one thread per unit of subscriber"
                + " concurrency, created on demand).\n\n");
        md.append("| peer | subscribers | threads | threads/subscriber | heap bytes | bytes/subscriber |"
                + " bytes ratio to ours |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        Optional<IdleCostRun.Result> base = idle.stream().filter(r -> r.peer().equals(Peers.SIGNAL_BUS_ENGINE))
                .findFirst();
        for (IdleCostRun.Result r : idle) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.4f | %s | %.0f | %s |%n",
                    label(r.peer(), Peers.SIGNAL_BUS_ENGINE), r.subscribers(), r.threads(), r.threadsPerSubscriber(),
                    count(r.heapBytes()), r.bytesPerSubscriber(),
                    base.map(b -> ratio(r.bytesPerSubscriber() / b.bytesPerSubscriber())).orElse("-")));
        }
        md.append('\n');
    }

    private static void contextSection(StringBuilder md, List<RequestContextResults.Score> context) {
        if (context.isEmpty()) {
            return;
        }
        md.append("## Cost of a fresh request context per delivery (Weld SE)\n\n");
        md.append("The design runs every delivery to a subscriber method in a request context of its own; the"
                + " portable extension gets it, on Weld, from Weld's own unbound `RequestContext` (activated for"
                + " the call, invalidated and deactivated after it, as Weld runs its own async observers), and from"
                + " the container's `@ActivateRequestContext` interceptor elsewhere or when the application observes"
                + " the request context's lifecycle events. One"
                + " thread, with no request context active, calls an `@ApplicationScoped` bean through its client"
                + " proxy (JMH `RequestContextBenchmark`, average time; +- is JMH's 99.9% error; bytes allocated per"
                + " call from `-prof gc`): `" + RequestContextBenchmark.PLAIN_CALL + "` a plain method (the"
                + " baseline), `" + RequestContextBenchmark.FRESH_REQUEST_CONTEXT + "` an `@ActivateRequestContext`"
                + " method (Weld activates a request context for the call and destroys it at return), `"
                + RequestContextBenchmark.FRESH_REQUEST_CONTEXT_WITH_REQUEST_SCOPED_BEAN + "` the same calling a"
                + " `@RequestScoped` bean (an instance created and destroyed per call), `"
                + RequestContextBenchmark.UNBOUND_REQUEST_CONTEXT + "` and `"
                + RequestContextBenchmark.UNBOUND_REQUEST_CONTEXT_WITH_REQUEST_SCOPED_BEAN + "` the same two through"
                + " Weld's unbound request context, without the interceptor and its three lifecycle events (what the"
                + " portable extension does on Weld). The container alone, no Signal Bus.\n\n");
        md.append("| benchmark | ns/op | bytes allocated per op | difference to `" + RequestContextBenchmark.PLAIN_CALL
                + "`, ns |\n");
        md.append("|---|---:|---:|---:|\n");
        Optional<RequestContextResults.Score> base = context.stream()
                .filter(s -> s.benchmark().equals(RequestContextBenchmark.PLAIN_CALL)).findFirst();
        for (RequestContextResults.Score s : context) {
            md.append("| ").append(s.benchmark()).append(" | ").append(nanos(s.nanos()));
            if (!Double.isNaN(s.error())) {
                md.append(" +- ").append(nanos(s.error()));
            }
            md.append(" | ").append(Double.isNaN(s.allocated()) ? "-" : String.format(Locale.ROOT, "%.0f",
                    s.allocated()));
            md.append(" | ").append(s.benchmark().equals(RequestContextBenchmark.PLAIN_CALL) ? "baseline"
                    : base.map(b -> String.format(Locale.ROOT, "%+.1f", s.nanos() - b.nanos())).orElse("-"))
                    .append(" |\n");
        }
        md.append('\n');
        Optional<RequestContextResults.Score> fresh = context.stream()
                .filter(s -> s.benchmark().equals(RequestContextBenchmark.FRESH_REQUEST_CONTEXT)).findFirst();
        if (base.isPresent() && fresh.isPresent()) {
            double difference = fresh.get().nanos() - base.get().nanos();
            if (difference > 0) {
                md.append(String.format(Locale.ROOT, "A fresh request context through the interceptor costs %s ns of"
                        + " CPU per delivery on top of the call, so two cores could make at most %s deliveries per"
                        + " second if each paid only that (2 x 1e9 / %s).%n%n", nanos(difference),
                        count(2e9 / difference), nanos(difference)));
                context.stream().filter(s -> s.benchmark().equals(RequestContextBenchmark.UNBOUND_REQUEST_CONTEXT))
                        .findFirst().ifPresent(unbound -> md.append(String.format(Locale.ROOT, "Weld's unbound"
                                + " request context costs %s ns (%s of the interceptor's).%n%n",
                                nanos(unbound.nanos() - base.get().nanos()),
                                ratio((unbound.nanos() - base.get().nanos()) / difference))));
            } else {
                md.append("The fresh request context measured no slower than the plain call in this run: no floor"
                        + " can be computed from it.\n\n");
            }
        }
    }

    private static void startupSection(StringBuilder md, List<StartupRun.Result> startup) {
        md.append("## Quarkus start-up with subscriber methods\n\n");
        if (startup.isEmpty()) {
            md.append("Not measured in this run.\n\n");
            return;
        }
        md.append("Two generated Quarkus applications (`StartupApps`), identical but for the subscriber methods"
                + " (beans of 10 `@Subscribes` methods on 10 topics, each topic with a `@Publishes` method in both),"
                + " built by the reactor with the extension and packaged as `quarkus-run.jar`; each started"
                + " alternately several times after one uncounted start (`StartupRun`); Quarkus' own \"started in\""
                + " figure; the median.\n\n");
        md.append("| application | subscriber methods | median start-up ms | every start ms |\n");
        md.append("|---|---:|---:|---|\n");
        for (StartupRun.Result r : startup) {
            String[] f = r.line().split("\t");
            md.append("| ").append(r.app()).append(" | ").append(r.subscriberMethods()).append(" | ")
                    .append(count(r.medianMillis())).append(" | ").append(f[3].replace(",", ", ")).append(" |\n");
        }
        md.append('\n');
    }

    /** Runs (latency) or pairs of starts (start-up) needed before such a target can be met or missed. */
    static final int MINIMUM_RUNS = 3;

    private static void targetsSection(StringBuilder md, JmhResults results, List<LatencyRun.Result> latency,
            List<IdleCostRun.Result> idle, List<StartupRun.Result> startup, String ours,
            List<QuarkusResults.Summary> quarkus) {
        md.append("## Targets (issue 4)\n\n");
        md.append("How a target is decided: a throughput target from JMH's 99.9% confidence intervals (score +- error,"
                + " as in the table above), never from the means alone. It is met only if the whole interval of the"
                + " ratio clears the target, missed only if the whole interval falls short of it, inconclusive"
                + " otherwise, and inconclusive when JMH gave no interval. The interval of a ratio is the lowest"
                + " over the highest and the highest over the lowest of the two intervals; against \"the fastest\""
                + " of several peers, that of the fastest is taken to run from the highest of their low ends to the"
                + " highest of their high ends. The Quarkus application's throughput has no JMH error: its interval is"
                + " the rounds' mean +- t(0.9995, n - 1) x sd / sqrt(n), decided the same way. A latency target is met only if every run (each in its own JVM) kept"
                + " up and met it, missed only if none did, inconclusive otherwise; the start-up target likewise"
                + " over the pairs of starts (each start of the application with subscribers against the start of"
                + " the empty one just before it). Either needs at least " + MINIMUM_RUNS + " runs or pairs,"
                + " otherwise it is inconclusive. The idle-cost target is one measurement of counted threads and"
                + " retained bytes: met or missed as measured.\n\n");
        List<String> candidates = ours.equals(Peers.SIGNAL_BUS) ? List.of(Peers.SIGNAL_BUS, Peers.SIGNAL_BUS_ENGINE)
                : List.of(ours);
        List<JmhResults.Score> peers = new ArrayList<>();
        JmhResults.Score fastest = null;
        for (String peer : List.of(Peers.WELD_ASYNC, Peers.VERTX, Peers.GUAVA)) {
            Optional<JmhResults.Score> s = results.find(peer, 4);
            if (s.isPresent()) {
                peers.add(s.get());
                if (fastest == null || s.get().score() > fastest.score()) {
                    fastest = s.get();
                }
            }
        }
        Optional<Verdict.Interval> fastestInterval = Optional.empty();
        if (!peers.isEmpty() && peers.stream().allMatch(p -> Verdict.Interval.of(p).isPresent())) {
            fastestInterval = Optional.of(Verdict.Interval.max(
                    peers.stream().map(p -> Verdict.Interval.of(p).orElseThrow()).toList()));
        }
        Optional<JmhResults.Score> floor = results.find(Peers.RAW_QUEUE, 4);
        for (String candidate : candidates) {
            Optional<JmhResults.Score> our4 = results.find(candidate, 4);
            if (our4.isPresent() && fastest != null && fastest.score() > 0) {
                md.append(String.format(Locale.ROOT, "- `%s`: 1 -> 4 throughput at least 2x the fastest of Weld async"
                        + " / Vert.x / Guava (%s): %s, %s%n", candidate, fastest.peer(),
                        ratioWithInterval(our4.get(), fastest, fastestInterval), Verdict.atLeast(
                                ratioInterval(our4.get(), fastestInterval), 2)));
            }
            if (our4.isPresent() && floor.isPresent()) {
                Optional<Verdict.Interval> floorInterval = Verdict.Interval.of(floor.get());
                md.append(String.format(Locale.ROOT, "- `%s`: 1 -> 4 throughput at least half the raw-queue floor: %s"
                        + " of the floor, %s%n", candidate, ratioWithInterval(our4.get(), floor.get(), floorInterval),
                        Verdict.atLeast(ratioInterval(our4.get(), floorInterval), 0.5)));
            }
        }
        quarkusTarget(md, quarkus);
        for (LatencyRun.Summary r : LatencyRun.summarize(latency)) {
            if (!r.peer().equals(ours)) {
                continue;
            }
            List<Boolean> runsMet = latency.stream()
                    .filter(run -> run.peer().equals(ours) && run.subscribers() == r.subscribers())
                    .map(run -> run.keptUp() && run.p99() < 100).toList();
            md.append(String.format(Locale.ROOT, "- p99 latency under 100 us at half saturation (1 -> %d): %.1f us"
                    + " (median of %d runs, %.1f - %.1f)%s; %d of %d runs kept up and under 100 us, %s%n",
                    r.subscribers(), r.p99(), r.runs(), r.p99Min(), r.p99Max(),
                    r.keptUp() ? "" : " (did not keep up with the offered rate)",
                    runsMet.stream().filter(met -> met).count(), runsMet.size(),
                    Verdict.ofRuns(runsMet, MINIMUM_RUNS)));
        }
        idle.stream().filter(r -> r.peer().equals(Peers.SIGNAL_BUS_ENGINE)).forEach(r -> md.append(String.format(
                Locale.ROOT, "- zero threads and under 2 KiB heap per idle subscriber: %d threads, %.0f bytes, %s%n",
                r.threads(), r.bytesPerSubscriber(), r.threads() <= 0 && r.bytesPerSubscriber() < 2048 ? Verdict.MET
                        : Verdict.MISSED)));
        Optional<StartupRun.Result> empty = startup.stream().filter(r -> r.subscriberMethods() == 0).findFirst();
        Optional<StartupRun.Result> full = startup.stream().filter(r -> r.subscriberMethods() > 0).findFirst();
        if (empty.isPresent() && full.isPresent()) {
            double delta = full.get().medianMillis() - empty.get().medianMillis();
            double[] e = empty.get().millis();
            double[] f = full.get().millis();
            List<Boolean> pairsMet = new ArrayList<>();
            for (int i = 0; i < Math.min(e.length, f.length); i++) {
                pairsMet.add(f[i] - e[i] <= 50);
            }
            md.append(String.format(Locale.ROOT, "- the %,d-subscriber Quarkus app within 50 ms of the empty one:"
                    + " %+.0f ms (medians); %d of %d pairs of starts within 50 ms, %s%n",
                    full.get().subscriberMethods(), delta, pairsMet.stream().filter(met -> met).count(),
                    pairsMet.size(), Verdict.ofRuns(pairsMet, MINIMUM_RUNS)));
        } else {
            md.append("- the 1,000-subscriber Quarkus app within 50 ms of the empty one: not measured\n");
        }
        md.append('\n');
    }

    /** The ratio of the means, and the interval of the ratio when both figures have one. */
    private static String ratioWithInterval(JmhResults.Score ours, JmhResults.Score other,
            Optional<Verdict.Interval> otherInterval) {
        Optional<Verdict.Interval> interval = ratioInterval(ours, otherInterval);
        return ratio(ours.score() / other.score()) + interval.map(i -> " (99.9% interval " + i.ratios() + ")")
                .orElse(" (no 99.9% interval)");
    }

    private static Optional<Verdict.Interval> ratioInterval(JmhResults.Score ours,
            Optional<Verdict.Interval> otherInterval) {
        Optional<Verdict.Interval> our = Verdict.Interval.of(ours);
        if (our.isEmpty() || otherInterval.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(our.get().dividedBy(otherInterval.get()));
    }

    private static void methodSection(StringBuilder md) {
        md.append("## How it is measured\n\n");
        md.append("- Same payload for all: one small immutable `Payload` object per signal, passed by reference.\n");
        md.append("- Same worker threads: n subscribers get n threads wherever the peer lets us choose (Signal Bus,"
                + " Weld and Guava: a pool of n threads; Vert.x: n event loops, each consumer registered from inside"
                + " an event-loop context of its own, as Quarkus registers each `@ConsumeEvent` method, so each on"
                + " its own loop); the raw queue and the Disruptor use one dedicated thread per subscriber.\n");
        md.append("- Signal Bus: default settings (queues of 10,000 per subscriber), `concurrency = 1`."
                + " `signal-bus-engine` calls `SignalBusEngine` with lambda invokers (no container);"
                + " `signal-bus` is the user path: a `@Publishes` method of a Weld SE bean and `@Subscribes` methods"
                + " of `@ApplicationScoped` beans, called through CDI invokers in a request context.\n");
        md.append("- Weld: `Event.fireAsync` with `NotificationOptions.ofExecutor(pool)`, `@ObservesAsync` methods of"
                + " `@ApplicationScoped` beans; Vert.x: `EventBus.publish` to `localConsumer`s with a pass-by-reference"
                + " codec; Guava: `AsyncEventBus` over the pool, `@Subscribe` without `@AllowConcurrentEvents`.\n");
        md.append("- Floor (`raw-queue`, the least any in-process bus can cost): one single-producer/single-consumer"
                + " array queue per subscriber (JCTools `SpscArrayQueue`, 10,000 rounded up to 16,384), no lock and no"
                + " allocation per signal; a dedicated thread per subscriber drains its queue in batches of up to "
                + RawQueuePeer.BATCH + " and parks only when it finds it empty (after yielding the CPU up to "
                + RawQueuePeer.YIELDS + " times, looking again after each), raising a flag that the publisher reads"
                + " (after one full fence per publish) to unpark it; a full queue makes the publisher yield. No topics, no failure handling. LMAX Disruptor: ring of 16,384, multi-producer,"
                + " `BlockingWaitStrategy`, one handler per subscriber.\n");
        md.append("- Latency: the publisher sleeps until the next signal is due and publishes all due signals (small"
                + " bursts, since a sleeping thread wakes some 50-60 us late); latency = start of the subscriber"
                + " method minus the `System.nanoTime()` read just before `publish`.\n");
        md.append("- Quarkus (`QuarkusBenchApp`, production mode, Quarkus BOM versions, the extension from the"
                + " reactor): Signal Bus through a `@Publishes` method of an `@ApplicationScoped` bean to `@Subscribes`"
                + " methods (the worker pool: the extension's executor is the injected `ScheduledExecutorService`,"
                + " Quarkus' main executor); `@ConsumeEvent(ordered = true) @Blocking` and `@ConsumeEvent` (event"
                + " loop) methods fed by `EventBus.publish` (Quarkus registers a local codec for the parameter type:"
                + " passed by reference); ArC `Event.fireAsync` to `@ObservesAsync` methods (ArC's default executor,"
                + " the worker pool). Each subscriber class has the application's `@RequestScoped` bean injected and"
                + " does not call it: every peer runs a delivery in a request context (Signal Bus and"
                + " `@ConsumeEvent` one per delivery, ArC for its async notification), and ArC creates a"
                + " request-scoped instance only when it is used, so the runs measure the bus and its context, as the"
                + " Weld SE subscribers (which touch no bean) do; calling it would add one instance created and"
                + " destroyed per context to every peer (`--touch-request-scoped true` measures that). The publisher"
                + " is the application's main thread; the threads each delivery ran on are logged per run (Signal"
                + " Bus, `@Blocking` and ArC: `executor-thread-*`; event loop: `vert.x-eventloop-thread-*`).\n");
        md.append("- Smoke mode: `mvn -B verify` runs every benchmark once, very briefly"
                + " (`BenchmarkSmokeTest`), so that the harness cannot rot; those figures mean nothing.\n");
    }

    private static String label(String peer, String ours) {
        return peer.equals(ours) ? "**" + peer + "** (ours)" : peer;
    }

    private static String nanos(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String ratio(double value) {
        return Verdict.ratio(value);
    }
}
