#!/usr/bin/env bash
# The whole comparison of issue 4 in one command: builds the benchmarks with the reactor (no
# `mvn install`), runs the JMH fan-out throughput, the cost of a fresh Weld request context per
# delivery (JMH), the latency run at half of our saturation, the idle-subscriber cost, the Quarkus
# start-up with 1,000 subscriber methods and the fan-out throughput and latency in a generated Quarkus
# application (Signal Bus against @ConsumeEvent and ArC events), then writes docs/benchmarks.md. About 14
# to 15 minutes on 2 cores (estimated, not yet timed: 7m38s to 7m53s in four runs with one fork of 12 s of
# iterations per throughput benchmark, now three forks of 8 s, so 11 to 12 minutes before the Quarkus
# application, which adds about 3: its build 30-40 s, throughput 8 JVMs x ~7.5 s (5 + 5 rounds of 0.6 s and
# the start), latency 6 JVMs x ~12 s; in --quick the whole Quarkus step took 60 s).
#
#   integration-tests/benchmarks/run.sh            # the full run
#   integration-tests/benchmarks/run.sh --quick    # about 4 minutes (3m40s), to check the harness; the
#                                                  # figures are not worth publishing (one fork of
#                                                  # two measurements: JMH gives no interval, so
#                                                  # every throughput target reads inconclusive)
#
# Run it on a quiet machine: the figures of a shared, busy one mean little (the report records the
# load average before and after). Raw outputs stay in integration-tests/benchmarks/target/run/.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/target/run"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
COMMAND="integration-tests/benchmarks/run.sh${*:+ $*}"

# throughput: JMH warm-up and measurement. The report decides the targets from JMH's 99.9% intervals,
# so these need several forks (each JVM compiles differently, one fork's iterations hide that): three
# forks of 2 x 2.5 s warm-up and 3 x 1 s measured, 9 measurements per benchmark, instead of one fork
# of 4 x 2 s + 4 x 1 s, to stay within the time; latency: seconds per peer; idle: subscribers
JMH_OPTS=(-wi 2 -w 2500ms -i 3 -r 1s -f 3 -to 2min -prof gc)
# request context: three benchmarks of one fork each, about 25 s in all
CONTEXT_OPTS=(-wi 3 -w 1s -i 3 -r 1s -f 1 -prof gc)
LATENCY_WARMUP=1.5
LATENCY_SECONDS=3
LATENCY_RUNS=3
IDLE_SUBSCRIBERS=10000
STARTUP_METHODS=1000
STARTUP_RUNS=11
# the Quarkus application: one JVM per peer and number of subscribers, warm-up rounds then measured rounds
# of batches of 1,000 (the report's interval comes from the measured rounds); latency: runs of a JVM each,
# all four peers in turn, at half of Signal Bus's mean on Quarkus
QUARKUS_WARMUP_ROUNDS=5
QUARKUS_ROUNDS=5
QUARKUS_ROUND_SECONDS=0.6
QUARKUS_LATENCY_WARMUP=1
QUARKUS_LATENCY_SECONDS=1.5
QUARKUS_LATENCY_RUNS=3
SETTINGS="full"
if [[ "${1:-}" == "--quick" ]]; then
  JMH_OPTS=(-wi 1 -w 500ms -i 2 -r 500ms -f 1 -to 1min -prof gc)
  CONTEXT_OPTS=(-wi 1 -w 500ms -i 1 -r 500ms -f 1 -prof gc)
  LATENCY_WARMUP=0.5
  LATENCY_SECONDS=1
  LATENCY_RUNS=1
  STARTUP_RUNS=1
  QUARKUS_WARMUP_ROUNDS=1
  QUARKUS_ROUNDS=2
  QUARKUS_ROUND_SECONDS=0.5
  QUARKUS_LATENCY_WARMUP=0.5
  QUARKUS_LATENCY_SECONDS=0.5
  QUARKUS_LATENCY_RUNS=1
  SETTINGS="quick (harness check only)"
elif [[ -n "${1:-}" ]]; then
  echo "usage: $0 [--quick]" >&2
  exit 2
fi
SETTINGS="$SETTINGS: JMH ${JMH_OPTS[*]}; latency ${LATENCY_WARMUP}s warm-up + ${LATENCY_SECONDS}s per peer at half of our saturation, median of ${LATENCY_RUNS} runs; idle ${IDLE_SUBSCRIBERS} subscribers; Quarkus start-up ${STARTUP_METHODS} subscriber methods vs none, median of ${STARTUP_RUNS} starts"
SETTINGS="$SETTINGS; request context JMH ${CONTEXT_OPTS[*]}"
QUARKUS_SETTINGS="${QUARKUS_WARMUP_ROUNDS} warm-up and ${QUARKUS_ROUNDS} measured rounds of ${QUARKUS_ROUND_SECONDS} s"
SETTINGS="$SETTINGS; Quarkus application ${QUARKUS_SETTINGS} per peer and fan-out, latency ${QUARKUS_LATENCY_WARMUP}s warm-up + ${QUARKUS_LATENCY_SECONDS}s per peer, median of ${QUARKUS_LATENCY_RUNS} runs"

LOAD_BEFORE=$(awk '{print $1 ", " $2 ", " $3}' /proc/loadavg 2>/dev/null || echo "?")
started=$(date +%s)
step() { echo "== [$(( $(date +%s) - started ))s] $*"; }

step "build (reactor, tests skipped)"
cd "$ROOT"
mvn -B -q -pl integration-tests/benchmarks -am package -DskipTests
CP="$HERE/target/classes:$(cat "$HERE/target/classpath.txt")"
rm -rf "$OUT"
mkdir -p "$OUT"

step "fan-out throughput (JMH)"
"$JAVA" -cp "$CP" org.openjdk.jmh.Main 'dev.signalbus.benchmarks.FanOutBenchmark.fanOut' "${JMH_OPTS[@]}" \
  -rf csv -rff "$OUT/results.csv" | tee "$OUT/jmh.log"

step "cost of a fresh request context per delivery (JMH, Weld SE)"
"$JAVA" -cp "$CP" org.openjdk.jmh.Main 'dev.signalbus.benchmarks.RequestContextBenchmark' "${CONTEXT_OPTS[@]}" \
  -rf csv -rff "$OUT/context.csv" | tee "$OUT/context.log"

step "latency at half of our saturation (${LATENCY_RUNS} runs)"
# every run in a fresh JVM, the peers taking turns, so that a stall of the machine touches one run
for run in $(seq "$LATENCY_RUNS"); do
  for subscribers in 1 4; do
    "$JAVA" -Xms512m -Xmx512m -cp "$CP" dev.signalbus.benchmarks.LatencyRun --rate-from "$OUT/results.csv" \
      --fraction 0.5 --subscribers "$subscribers" --warmup "$LATENCY_WARMUP" --seconds "$LATENCY_SECONDS" \
      --out "$OUT/latency.tsv" 2>>"$OUT/latency.log"
  done
done

step "cost of idle subscribers"
"$JAVA" -Xms1g -Xmx1g -cp "$CP" dev.signalbus.benchmarks.IdleCostRun --subscribers "$IDLE_SUBSCRIBERS" \
  --out "$OUT/idle.tsv" 2>>"$OUT/idle.log"

step "Quarkus start-up: ${STARTUP_METHODS} subscriber methods vs none"
# a generated reactor builds the extension and both applications together: no `mvn install`
"$JAVA" -cp "$CP" dev.signalbus.benchmarks.StartupApps --dir "$OUT/quarkus-startup" --root "$ROOT" \
  --methods "$STARTUP_METHODS"
mvn -B -q -f "$OUT/quarkus-startup/pom.xml" package -DskipTests > "$OUT/startup-build.log" 2>&1 \
  || { cat "$OUT/startup-build.log"; exit 1; }
"$JAVA" -cp "$CP" dev.signalbus.benchmarks.StartupRun --dir "$OUT/quarkus-startup" --runs "$STARTUP_RUNS" \
  --out "$OUT/startup.tsv"

step "Quarkus application: throughput and latency against @ConsumeEvent and ArC events"
# generated, and built with the extension by its own reactor (no `mvn install`), as the start-up applications
"$JAVA" -cp "$CP" dev.signalbus.benchmarks.QuarkusBenchApp --dir "$OUT/quarkus-bench" --root "$ROOT"
mvn -B -q -f "$OUT/quarkus-bench/pom.xml" package -DskipTests > "$OUT/quarkus-bench-build.log" 2>&1 \
  || { cat "$OUT/quarkus-bench-build.log"; exit 1; }
QUARKUS_JAR="$OUT/quarkus-bench/app/target/quarkus-app/quarkus-run.jar"
# every pool pinned to n threads for n subscribers, for every peer (the worker pool runs Signal Bus, the
# @Blocking consumers and ArC's async observers; the event loops the other @ConsumeEvent consumers)
quarkus() {
  local n=$1; shift
  "$JAVA" -Xms512m -Xmx512m -Dquarkus.thread-pool.core-threads="$n" -Dquarkus.thread-pool.max-threads="$n" \
    -Dquarkus.vertx.event-loops-pool-size="$n" -jar "$QUARKUS_JAR" --subscribers "$n" "$@" >>"$OUT/quarkus.log" 2>&1 \
    || { tail -50 "$OUT/quarkus.log"; exit 1; }
}
for subscribers in 1 4; do
  for peer in signal-bus consume-event-blocking consume-event arc-async; do
    quarkus "$subscribers" --mode throughput --peer "$peer" --warmup-rounds "$QUARKUS_WARMUP_ROUNDS" \
      --rounds "$QUARKUS_ROUNDS" --round-seconds "$QUARKUS_ROUND_SECONDS" --out "$OUT/quarkus-throughput.tsv"
  done
done
for run in $(seq "$QUARKUS_LATENCY_RUNS"); do
  for subscribers in 1 4; do
    rate=$("$JAVA" -cp "$CP" dev.signalbus.benchmarks.QuarkusResults --rate-from "$OUT/quarkus-throughput.tsv" \
      --subscribers "$subscribers" --fraction 0.5)
    quarkus "$subscribers" --mode latency --rate "$rate" --warmup "$QUARKUS_LATENCY_WARMUP" \
      --seconds "$QUARKUS_LATENCY_SECONDS" --out "$OUT/quarkus-latency.tsv"
  done
done

step "report"
"$JAVA" -cp "$CP" dev.signalbus.benchmarks.Report --results "$OUT/results.csv" --latency "$OUT/latency.tsv" \
  --idle "$OUT/idle.tsv" --startup "$OUT/startup.tsv" --context "$OUT/context.csv" --out "$ROOT/docs/benchmarks.md" --command "$COMMAND" --load-before "$LOAD_BEFORE" \
  --settings "$SETTINGS" --notes "$HERE/notes.md" --quarkus-throughput "$OUT/quarkus-throughput.tsv" \
  --quarkus-latency "$OUT/quarkus-latency.tsv" --quarkus-settings "$QUARKUS_SETTINGS"
step "done"
