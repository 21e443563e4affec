#!/usr/bin/env bash
# Starts and stops the Kafka broker that the bridge integration tests run against: one node that is both
# broker and KRaft controller, bound to 127.0.0.1 only, from the jars that integration-tests/kafka-broker
# copies from Maven Central. Nothing to install.
#
#   kafka.sh start   format a fresh log directory and boot the broker (bounded wait)
#   kafka.sh stop    stop it (SIGTERM, then SIGKILL past STOP_TIMEOUT), also a leftover of an aborted run
#
# Maven calls it in pre-/post-integration-test (see pom.xml), with these variables:
#   KAFKA_LIBS   the broker's jars            KAFKA_DIR  its state: config, data, logs, pids (wiped at start)
#   KAFKA_PORT   the client listener          KAFKA_CONTROLLER_PORT  the controller listener
# Optional: START_TIMEOUT (s, default 120), STOP_TIMEOUT (s, default 60), MAX_LIFETIME (s, default 1800: a
# watchdog kills the broker past it, or as soon as the Maven process that started it is gone).
set -euo pipefail

cmd=${1:?usage: kafka.sh start|stop}
: "${KAFKA_LIBS:?}" "${KAFKA_DIR:?}" "${KAFKA_PORT:?}" "${KAFKA_CONTROLLER_PORT:?}"
START_TIMEOUT=${START_TIMEOUT:-120}
STOP_TIMEOUT=${STOP_TIMEOUT:-60}
MAX_LIFETIME=${MAX_LIFETIME:-1800}

# The pids live beside the state, not in it: a start wipes the state, never before the old broker is gone.
pids=$KAFKA_DIR.pids
console=$KAFKA_DIR/broker.log

log() { echo "[kafka] $*"; }

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Kills what a previous start left (an aborted build): the broker's process group, then its watchdog.
kill_broker() {
    local pgid watchdog
    pgid=$(cat "$pids/pgid" 2>/dev/null || true)
    watchdog=$(cat "$pids/watchdog.pid" 2>/dev/null || true)
    if [ -n "$pgid" ] && [ "$pgid" != "$(ps -o pgid= -p $$ | tr -d ' ')" ] && kill -0 -- "-$pgid" 2>/dev/null; then
        log "killing broker process group $pgid"
        kill -KILL -- "-$pgid" 2>/dev/null || true
        local tries=0
        while kill -0 -- "-$pgid" 2>/dev/null && [ "$tries" -lt 100 ]; do
            tries=$((tries + 1))
            sleep 0.1
        done
    fi
    if alive "$watchdog"; then kill "$watchdog" 2>/dev/null || true; fi
    rm -f "$pids/pgid" "$pids/broker.pid" "$pids/watchdog.pid"
}

fail_start() {
    log "FAILED: $*"
    if [ -f "$console" ]; then
        log "last lines of $console:"
        tail -n 60 "$console" | sed 's/^/    /'
    fi
    kill_broker
    exit 1
}

start() {
    local began=$SECONDS
    [ -n "$(ls "$KAFKA_LIBS"/kafka_2.13-*.jar 2>/dev/null)" ] \
        || { log "FAILED: no broker jars in $KAFKA_LIBS (built by integration-tests/kafka-broker)"; exit 1; }
    mkdir -p "$pids"
    kill_broker
    for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
        if port_in_use "$port"; then fail_start "port $port on 127.0.0.1 is taken"; fi
    done
    rm -rf "$KAFKA_DIR"
    mkdir -p "$KAFKA_DIR/data"

    cat > "$KAFKA_DIR/server.properties" <<P
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
group.consumer.min.session.timeout.ms=3000
group.classic.min.session.timeout.ms=3000
auto.create.topics.enable=true
P
    cat > "$KAFKA_DIR/log4j2.properties" <<'P'
status = warn
appender.c.type = Console
appender.c.name = C
appender.c.target = SYSTEM_OUT
appender.c.layout.type = PatternLayout
appender.c.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.c.ref = C
logger.o.name = org.apache.kafka
logger.o.level = WARN
P
    local java=(java -Xms256m -Xmx512m -XX:+UseSerialGC -Djava.net.preferIPv4Stack=true
                -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.properties" -cp "$KAFKA_LIBS/*")
    # A cluster id is 22 characters of URL-safe base64 and must not start with '-'.
    local cluster_id
    cluster_id=K$(head -c 16 /dev/urandom | base64 | tr '+/' 'AB' | cut -c1-21)
    "${java[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_DIR/server.properties" \
        > "$KAFKA_DIR/format.log" 2>&1 || { cat "$KAFKA_DIR/format.log"; fail_start "storage format failed"; }

    log "starting the broker on 127.0.0.1:$KAFKA_PORT (controller 127.0.0.1:$KAFKA_CONTROLLER_PORT), state in $KAFKA_DIR"
    # setsid: the broker gets its own process group, which stop (or the watchdog) kills as a whole.
    # Output goes to a file, never to Maven's pipe.
    setsid "${java[@]}" kafka.Kafka "$KAFKA_DIR/server.properties" > "$console" 2>&1 < /dev/null &
    local broker=$!
    disown "$broker"
    echo "$broker" > "$pids/broker.pid"
    local pgid="" tries=0
    until [ "$pgid" = "$broker" ]; do
        alive "$broker" || fail_start "the broker exited at once"
        [ "$tries" -lt 100 ] || fail_start "the broker did not get its own process group"
        tries=$((tries + 1))
        sleep 0.05
        pgid=$(ps -o pgid= -p "$broker" | tr -d ' ')
    done
    echo "$pgid" > "$pids/pgid"

    # The watchdog: ends the broker when the Maven JVM that started it (our parent) is gone, e.g. after
    # Ctrl-C or a crash between start and stop, or past MAX_LIFETIME.
    local maven_pid=$PPID
    (
        deadline=$((SECONDS + MAX_LIFETIME))
        while alive "$maven_pid" && kill -0 -- "-$pgid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
            sleep 2
        done
        if kill -0 -- "-$pgid" 2>/dev/null; then
            echo "[kafka] watchdog: killing broker process group $pgid" >> "$console"
            kill -KILL -- "-$pgid" 2>/dev/null || true
        fi
    ) > /dev/null 2>&1 < /dev/null &
    echo $! > "$pids/watchdog.pid"

    local deadline=$((SECONDS + START_TIMEOUT))
    until grep -q "Kafka Server started" "$console" 2>/dev/null && port_in_use "$KAFKA_PORT"; do
        alive "$broker" || fail_start "the broker exited during start"
        [ "$SECONDS" -lt "$deadline" ] || fail_start "not started within ${START_TIMEOUT}s"
        sleep 0.25
    done
    log "started in $((SECONDS - began))s"
}

stop() {
    local began=$SECONDS broker
    broker=$(cat "$pids/broker.pid" 2>/dev/null || true)
    if ! alive "$broker"; then
        log "no broker running"
        kill_broker
        return 0
    fi
    log "stopping the broker"
    kill -TERM "$broker" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_TIMEOUT))
    while alive "$broker" && [ "$SECONDS" -lt "$deadline" ]; do
        sleep 0.2
    done
    if alive "$broker"; then log "not stopped within ${STOP_TIMEOUT}s: killed"; fi
    kill_broker
    local errors
    errors=$(grep -c ' ERROR ' "$console" || true)
    log "stopped in $((SECONDS - began))s; $errors ERROR line(s) in $console"
    grep ' ERROR ' "$console" | head -n 20 | sed 's/^/    /' || true
}

case "$cmd" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: kafka.sh start|stop" >&2; exit 2 ;;
esac
