#!/usr/bin/env bash
# The whole comparison of issue 4 in one command: builds the benchmarks with the reactor (no
# `mvn install`), runs the JMH fan-out throughput, the cost of a fresh Weld request context per
# delivery (JMH), the latency run at half of our saturation, the idle-subscriber cost and the Quarkus
# start-up with 1,000 subscriber methods, then writes docs/benchmarks.md. About 11 to 12 minutes on 2
# cores (estimated: 7m38s to 7m53s in four runs with one fork of 12 s of iterations per throughput
# benchmark, now three forks of 8 s; not yet timed).
#
#   integration-tests/benchmarks/run.sh            # the full run
#   integration-tests/benchmarks/run.sh --quick    # about 4 minutes, to check the harness; the
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
SETTINGS="full"
if [[ "${1:-}" == "--quick" ]]; then
  JMH_OPTS=(-wi 1 -w 500ms -i 2 -r 500ms -f 1 -to 1min -prof gc)
  CONTEXT_OPTS=(-wi 1 -w 500ms -i 1 -r 500ms -f 1 -prof gc)
  LATENCY_WARMUP=0.5
  LATENCY_SECONDS=1
  LATENCY_RUNS=1
  STARTUP_RUNS=1
  SETTINGS="quick (harness check only)"
elif [[ -n "${1:-}" ]]; then
  echo "usage: $0 [--quick]" >&2
  exit 2
fi
SETTINGS="$SETTINGS: JMH ${JMH_OPTS[*]}; latency ${LATENCY_WARMUP}s warm-up + ${LATENCY_SECONDS}s per peer at half of our saturation, median of ${LATENCY_RUNS} runs; idle ${IDLE_SUBSCRIBERS} subscribers; Quarkus start-up ${STARTUP_METHODS} subscriber methods vs none, median of ${STARTUP_RUNS} starts"
SETTINGS="$SETTINGS; request context JMH ${CONTEXT_OPTS[*]}"

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

step "report"
"$JAVA" -cp "$CP" dev.signalbus.benchmarks.Report --results "$OUT/results.csv" --latency "$OUT/latency.tsv" \
  --idle "$OUT/idle.tsv" --startup "$OUT/startup.tsv" --context "$OUT/context.csv" --out "$ROOT/docs/benchmarks.md" --command "$COMMAND" --load-before "$LOAD_BEFORE" \
  --settings "$SETTINGS" --notes "$HERE/notes.md"
step "done"
