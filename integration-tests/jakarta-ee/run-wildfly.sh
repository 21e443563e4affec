#!/usr/bin/env bash
# Starts and stops the WildFly that the Jakarta EE integration tests run against.
#
#   run-wildfly.sh start   boot the server on 127.0.0.1 only with the WAR deployed (bounded wait)
#   run-wildfly.sh stop    undeploy the WAR (if still deployed), stop the server, clean up
#
# Maven calls it in pre-/post-integration-test (see pom.xml), with these variables:
#   JBOSS_HOME   the unpacked server          PORT_OFFSET  added to every port (http = 8080 + offset)
#   WAR_FILE     the WAR to deploy            CHAIN_FILE   passed to the WAR as -Dsignalbus.jee.chain-file
# Optional: START_TIMEOUT (s, default 240), STOP_TIMEOUT (s, default 90), MAX_LIFETIME (s, default
# 1800: a watchdog kills the server past it, or as soon as the Maven process that started it is gone).
#
# The deployment scanner deploys the WAR (copied into standalone/deployments before boot) and
# undeploys it when its .deployed marker is removed: no management user, no CLI, no extra plugin.
set -euo pipefail

cmd=${1:?usage: run-wildfly.sh start|stop}
: "${JBOSS_HOME:?}" "${PORT_OFFSET:?}" "${WAR_FILE:?}" "${CHAIN_FILE:?}"
START_TIMEOUT=${START_TIMEOUT:-240}
STOP_TIMEOUT=${STOP_TIMEOUT:-90}
MAX_LIFETIME=${MAX_LIFETIME:-1800}

war_name=$(basename "$WAR_FILE")
deployments=$JBOSS_HOME/standalone/deployments
state=$JBOSS_HOME/signalbus-it
console=$state/console.log
http_port=$((8080 + PORT_OFFSET))
management_port=$((9990 + PORT_OFFSET))

log() { echo "[run-wildfly] $*"; }

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# Kills what a previous start left: the server's process group, then the watchdog.
kill_server() {
    local pgid watchdog launcher
    pgid=$(cat "$state/pgid" 2>/dev/null || true)
    watchdog=$(cat "$state/watchdog.pid" 2>/dev/null || true)
    if [ -n "$pgid" ] && [ "$pgid" != "$(ps -o pgid= -p $$ | tr -d ' ')" ] && kill -0 -- "-$pgid" 2>/dev/null; then
        log "killing server process group $pgid"
        kill -KILL -- "-$pgid" 2>/dev/null || true
    fi
    if alive "$watchdog"; then kill "$watchdog" 2>/dev/null || true; fi
    launcher=$(cat "$state/launcher.pid" 2>/dev/null || true)
    if alive "$launcher"; then kill -KILL "$launcher" 2>/dev/null || true; fi
    rm -f "$state/pgid" "$state/launcher.pid" "$state/watchdog.pid"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

fail_start() {
    log "FAILED: $*"
    if [ -f "$console" ]; then
        log "last lines of $console:"
        tail -n 60 "$console" | sed 's/^/    /'
    fi
    kill_server
    exit 1
}

start() {
    local began=$SECONDS
    [ -x "$JBOSS_HOME/bin/standalone.sh" ] || chmod +x "$JBOSS_HOME"/bin/*.sh
    mkdir -p "$state"
    kill_server # a server left over by an aborted build
    for port in "$http_port" "$management_port"; do
        if port_in_use "$port"; then
            fail_start "port $port on 127.0.0.1 is taken; choose another offset with -Dwildfly.port-offset=N"
        fi
    done

    # A copy of the default configuration whose deployment scanner looks every 200 ms instead
    # of every 5 s, so that an undeploy requested by a test starts at once.
    local config=standalone-signalbus-it.xml
    sed 's/scan-interval="5000"/scan-interval="200"/' "$JBOSS_HOME/standalone/configuration/standalone.xml" \
        > "$JBOSS_HOME/standalone/configuration/$config"
    grep -q 'scan-interval="200"' "$JBOSS_HOME/standalone/configuration/$config" \
        || fail_start "could not set the deployment scanner interval in $config"

    # A clean server every run: no state from the previous one.
    rm -rf "$JBOSS_HOME/standalone/data" "$JBOSS_HOME/standalone/tmp" "$JBOSS_HOME/standalone/log"
    find "$deployments" -mindepth 1 -maxdepth 1 ! -name README.txt -exec rm -rf {} +
    rm -f "$CHAIN_FILE"
    cp "$WAR_FILE" "$deployments/$war_name"

    # Small heap, serial GC and C1 only: the machine is small and shared, the run is short.
    local java_opts="-Xms64m -Xmx512m -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -XX:+UseSerialGC"
    java_opts="$java_opts -XX:TieredStopAtLevel=1 -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true"
    java_opts="$java_opts -Djboss.modules.system.pkgs=org.jboss.byteman"

    log "starting WildFly from $JBOSS_HOME (http://127.0.0.1:$http_port, management 127.0.0.1:$management_port)"
    # setsid: the server gets its own process group, so that stop (or the watchdog) can kill
    # the launcher script and the JVM together. Output goes to a file, never to Maven's pipe.
    JAVA_OPTS="$java_opts" LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$state/server.pid" \
        setsid "$JBOSS_HOME/bin/standalone.sh" -c "$config" \
        -b 127.0.0.1 -bmanagement 127.0.0.1 \
        -Djboss.socket.binding.port-offset="$PORT_OFFSET" \
        -Dsignalbus.jee.chain-file="$CHAIN_FILE" \
        > "$console" 2>&1 < /dev/null &
    local launcher=$!
    disown "$launcher" # killed on purpose later: no "Killed" notice from this shell
    echo "$launcher" > "$state/launcher.pid"
    # Wait until setsid has made the launcher a group leader: before that its group is ours
    # (and Maven's), which must never be killed.
    local pgid="" tries=0
    until [ "$pgid" = "$launcher" ]; do
        alive "$launcher" || fail_start "the launcher exited at once"
        [ "$tries" -lt 100 ] || fail_start "the launcher did not get its own process group"
        tries=$((tries + 1))
        sleep 0.05
        pgid=$(ps -o pgid= -p "$launcher" | tr -d ' ')
    done
    echo "$pgid" > "$state/pgid"

    # The watchdog: ends the server when the Maven JVM that started it (our parent) is gone,
    # e.g. after Ctrl-C or a crash between start and stop, or past MAX_LIFETIME.
    local maven_pid=$PPID
    (
        deadline=$((SECONDS + MAX_LIFETIME))
        while alive "$maven_pid" && kill -0 -- "-$pgid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
            sleep 2
        done
        if kill -0 -- "-$pgid" 2>/dev/null; then
            echo "[run-wildfly] watchdog: killing server process group $pgid" >> "$console"
            kill -KILL -- "-$pgid" 2>/dev/null || true
        fi
    ) > /dev/null 2>&1 < /dev/null &
    echo $! > "$state/watchdog.pid"

    local deadline=$((SECONDS + START_TIMEOUT))
    until grep -qE 'WFLYSRV0025|WFLYSRV0026' "$console" 2>/dev/null && [ -f "$deployments/$war_name.deployed" ]; do
        if [ -f "$deployments/$war_name.failed" ]; then
            fail_start "deploying $war_name failed: $(cat "$deployments/$war_name.failed")"
        fi
        alive "$launcher" || fail_start "the server exited during boot"
        [ "$SECONDS" -lt "$deadline" ] || fail_start "not started with $war_name deployed within ${START_TIMEOUT}s"
        sleep 0.5
    done
    if grep -q 'WFLYSRV0026' "$console"; then
        fail_start "the server started with errors: $(grep 'WFLYSRV0026' "$console")"
    fi
    log "$(grep -oE 'WFLYSRV0025: .*' "$console" | head -n 1)"
    log "started with $war_name deployed in $((SECONDS - began))s"
}

stop() {
    local began=$SECONDS
    local launcher
    launcher=$(cat "$state/launcher.pid" 2>/dev/null || true)
    if ! alive "$launcher"; then
        log "no server running"
        kill_server
        return 0
    fi
    if [ -f "$deployments/$war_name.deployed" ]; then
        log "undeploying $war_name"
        rm -f "$deployments/$war_name.deployed"
        local deadline=$((SECONDS + STOP_TIMEOUT))
        until [ -f "$deployments/$war_name.undeployed" ]; do
            if [ "$SECONDS" -ge "$deadline" ]; then log "not undeployed within ${STOP_TIMEOUT}s"; break; fi
            sleep 0.2
        done
    fi
    # SIGTERM to the launcher: standalone.sh forwards it to the JVM, whose shutdown hook stops
    # the server in order (what a service manager does).
    log "stopping the server"
    kill -TERM "$launcher" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_TIMEOUT))
    while alive "$launcher" && [ "$SECONDS" -lt "$deadline" ]; do
        sleep 0.2
    done
    if alive "$launcher"; then
        log "not stopped within ${STOP_TIMEOUT}s"
    fi
    kill_server
    local errors
    errors=$(grep -c ' ERROR ' "$console" || true)
    log "stopped in $((SECONDS - began))s; $errors ERROR line(s) in $console"
    grep ' ERROR ' "$console" | head -n 20 | sed 's/^/    /' || true
}

case "$cmd" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: run-wildfly.sh start|stop" >&2; exit 2 ;;
esac
