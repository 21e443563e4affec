#!/usr/bin/env bash
# Issue 13's benchmark: signals/s through the bridge (a @Publishes topic bridged out to Kafka and back in to a
# @Subscribes method) against plain SmallRye Reactive Messaging (an Emitter<String> and an @Incoming method) on the
# same broker, same partitions, same serializers, both on Weld SE (BenchMain, src/test). It builds the module
# (unless BUILD=0), starts the broker with ../bridge-kafka/kafka.sh (the jars of ../kafka-broker), runs each mode in
# its own JVM PAIRS times, alternating which goes first, and prints a Markdown table of the measured rounds.
#
#   integration-tests/bridge-kafka-weld/bench.sh
#
# Knobs (environment): N signals per round (200000), WARMUP rounds per JVM before the measured ones (3), ROUNDS
# measured rounds per JVM (5), PAIRS JVM pairs (2), PARTITIONS of each Kafka topic (2), JAVA_OPTS (-Xms1g -Xmx1g -XX:+UseParallelGC),
# BUILD (1: mvn -o package first). The raw lines are kept in target/bench/results.txt, the logs beside them.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
N=${N:-200000}
WARMUP=${WARMUP:-3}
ROUNDS=${ROUNDS:-5}
PAIRS=${PAIRS:-2}
PARTITIONS=${PARTITIONS:-2}
JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC}
BUILD=${BUILD:-1}
out=$here/target/bench

if [ "$BUILD" = 1 ]; then
    echo "[bench] building (mvn -o package, tests skipped, broker jars copied)"
    (cd "$root" && mvn -o -B -q -pl integration-tests/bridge-kafka-weld -am package -DskipTests -DskipITs=false)
fi
[ -f "$here/target/bridge-kafka-weld.jar" ] && [ -d "$here/target/test-classes/dev/signalbus/it/weld/bench" ] \
    || { echo "[bench] not built: run with BUILD=1" >&2; exit 1; }

free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
}

rm -rf "$out"
mkdir -p "$out"
export KAFKA_LIBS=$root/integration-tests/kafka-broker/target/kafka-libs
export KAFKA_DIR=$out/kafka
export KAFKA_PORT
KAFKA_PORT=$(free_port)
export KAFKA_CONTROLLER_PORT
KAFKA_CONTROLLER_PORT=$(free_port)
while [ "$KAFKA_CONTROLLER_PORT" = "$KAFKA_PORT" ]; do KAFKA_CONTROLLER_PORT=$(free_port); done
kafka=$root/integration-tests/bridge-kafka/kafka.sh
trap 'bash "$kafka" stop' EXIT
bash "$kafka" start

results=$out/results.txt
: > "$results"
run() {
    local mode=$1 pair=$2 log=$out/$1-$2.log
    echo "[bench] pair $pair: $mode (N=$N, $ROUNDS rounds after $WARMUP warm-up rounds, $PARTITIONS partitions)"
    # shellcheck disable=SC2086
    java $JAVA_OPTS -Dbench.mode="$mode" -Dbench.n="$N" -Dbench.rounds="$ROUNDS" -Dbench.warmup-rounds="$WARMUP" \
        -Dbench.partitions="$PARTITIONS" \
        -Dkafka.bootstrap.servers="127.0.0.1:$KAFKA_PORT" \
        -cp "$here/target/test-classes:$here/target/bridge-kafka-weld.jar" dev.signalbus.it.weld.bench.BenchMain \
        > "$log" 2>&1 || { echo "[bench] $mode failed; last lines of $log:"; tail -n 40 "$log"; exit 1; }
    grep '^BENCH ' "$log" | sed "s/^BENCH /BENCH pair=$pair /" | tee -a "$results"
}
for pair in $(seq 1 "$PAIRS"); do
    if [ $((pair % 2)) = 1 ]; then run bridge "$pair"; run plain "$pair"; else run plain "$pair"; run bridge "$pair"; fi
done

echo
echo "Signals/s, A -> Kafka -> B in one Weld SE JVM, $PARTITIONS partitions, N=$N per round,"
echo "$((PAIRS * ROUNDS)) measured rounds per mode ($PAIRS JVMs x $ROUNDS, each JVM after $WARMUP warm-up rounds); $(nproc) cores"
echo
grep -v 'round=warmup' "$results" | awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      m = v["mode"]; r = v["rate"] + 0; n[m]++; rates[m, n[m]] = r; s[m] += r; ss[m] += r * r
      cpu[m] += v["cpu-us-per-signal"] }
    END {
      print "| mode | rounds | mean signals/s | std dev | median | min | max | CPU µs/signal (bench JVM) |"
      print "|---|---:|---:|---:|---:|---:|---:|---:|"
      split("bridge plain", modes, " ")
      for (k = 1; k <= 2; k++) { m = modes[k]; if (!(m in n)) continue
        c = n[m]; for (i = 1; i <= c; i++) x[i] = rates[m, i]
        for (i = 2; i <= c; i++) { t = x[i]; j = i - 1; while (j > 0 && x[j] > t) { x[j + 1] = x[j]; j-- } x[j + 1] = t }
        med[m] = c % 2 ? x[(c + 1) / 2] : (x[c / 2] + x[c / 2 + 1]) / 2
        mean[m] = s[m] / c; sd = c > 1 ? sqrt((ss[m] - c * mean[m] ^ 2) / (c - 1)) : 0
        printf "| %s | %d | %.0f | %.0f (%.1f%%) | %.0f | %.0f | %.0f | %.2f |\n", m, c, mean[m], sd, 100 * sd / mean[m],
            med[m], x[1], x[c], cpu[m] / c }
      if (("bridge" in n) && ("plain" in n))
        printf "\nRatio bridge / plain: **%.2f** of the means, %.2f of the medians (aim: >= 0.9)\n",
            mean["bridge"] / mean["plain"], med["bridge"] / med["plain"]
    }'
