#!/usr/bin/env bash
# Overhead of Micrometer metrics and of OpenTelemetry tracing on the user path (Weld SE, the portable
# extension), fan-out 1 -> 4: FanOutBenchmark with peer signal-bus (Micrometer not on the class path, no
# OpenTelemetry bean: both off) against peer signal-bus-metrics (a SimpleMeterRegistry bean: metrics on)
# and peer signal-bus-tracing (an OpenTelemetry SDK bean, every span sampled, a batch processor
# exporting to nowhere: tracing on). Separate JMH runs, because "off" means an application without
# Micrometer and JMH forks inherit the class path. Builds with the reactor, no install.
#
#   integration-tests/benchmarks/metrics-overhead.sh [FORKS]     # FORKS defaults to 3
#
# Raw JMH outputs in integration-tests/benchmarks/target/metrics-overhead/.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/target/metrics-overhead"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
FORKS="${1:-3}"

(cd "$ROOT" && mvn -B -ntp -q ${MAVEN_OFFLINE:+-o} -pl integration-tests/benchmarks -am package -DskipTests)
mkdir -p "$OUT"
CP="$HERE/target/classes:$(cat "$HERE/target/classpath.txt")"
MICROMETER="$(cat "$HERE/target/classpath-micrometer.txt")"
JMH=(org.openjdk.jmh.Main FanOutBenchmark -p subscribers=4 -f "$FORKS" -tu s -rf json)

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -cp "$CP" "${JMH[@]}" -p peer=signal-bus -rff "$OUT/off.json" | tee "$OUT/off.txt"
"$JAVA" -cp "$CP:$MICROMETER" "${JMH[@]}" -p peer=signal-bus-metrics -rff "$OUT/on.json" | tee "$OUT/on.txt"
"$JAVA" -cp "$CP" "${JMH[@]}" -p peer=signal-bus-tracing -rff "$OUT/tracing.json" | tee "$OUT/tracing.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -h "FanOutBenchmark" "$OUT/off.txt" "$OUT/on.txt" "$OUT/tracing.txt" | grep -v "^#"
