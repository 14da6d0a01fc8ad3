#!/usr/bin/env bash
# Start or stop a local moto server (AWS API emulator) on loopback.
#
#   scripts/moto.sh start [PORT]    start (or reuse) moto on 127.0.0.1:PORT, print its URL
#   scripts/moto.sh stop  [PORT]    stop the moto this script started on PORT
#   scripts/moto.sh status [PORT]   print the URL if our moto answers on PORT, else exit 1
#
# PORT defaults to $SKYPLAN_MOTO_PORT, else 5000. The pid file and log live in .demo/ at the
# repository root (moto-PORT.pid, moto-PORT.log). Default AMIs stay loaded (moto's default), so
# seeds and tests may use moto's well-known AMI ids; demo/seed.py registers its own AMIs anyway.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/.demo"
CMD="${1:-}"
PORT="${2:-${SKYPLAN_MOTO_PORT:-5000}}"
PY="${PYTHON:-python3}"
URL="http://127.0.0.1:$PORT"
PIDFILE="$STATE/moto-$PORT.pid"
LOG="$STATE/moto-$PORT.log"

die() { echo "moto.sh: $*" >&2; exit 1; }

[[ "$PORT" =~ ^[0-9]+$ ]] && (( PORT > 0 && PORT < 65536 )) || die "invalid port '$PORT' (expected 1-65535)"

# True when something accepts TCP connections on the port.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

# True when moto's own API answers on the port.
moto_answers() {
    curl -fsS -m 2 -o /dev/null "$URL/moto-api/" 2>/dev/null
}

# Pid from our pid file if that process is alive and is a moto server on this port.
our_pid() {
    [[ -f "$PIDFILE" ]] || return 1
    local pid
    pid="$(cat "$PIDFILE" 2>/dev/null)"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    [[ -r "/proc/$pid/cmdline" ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "moto.server.* -p $PORT" || return 1
    echo "$pid"
}

ensure_moto() {
    if ! "$PY" -c "import moto.server" 2>/dev/null; then
        echo "moto.sh: installing moto[server] with pip" >&2
        "$PY" -m pip install --quiet 'moto[server]' >&2 \
            || die "could not install moto[server]; run: $PY -m pip install 'moto[server]'"
    fi
}

start() {
    mkdir -p "$STATE"
    if pid="$(our_pid)"; then
        if moto_answers; then echo "$URL"; return 0; fi
    else
        rm -f "$PIDFILE"
        port_open && die "port $PORT is already in use by another program; choose another port: $0 start PORT"
    fi
    if [[ -z "${pid:-}" ]]; then
        ensure_moto
        # setsid: the server outlives this script and is not hit by the caller's Ctrl-C.
        setsid "$PY" -m moto.server -H 127.0.0.1 -p "$PORT" >"$LOG" 2>&1 </dev/null &
        pid=$!
        echo "$pid" >"$PIDFILE"
    fi
    for _ in $(seq 1 300); do
        if moto_answers; then echo "$URL"; return 0; fi
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$PIDFILE"
            die "moto exited during start-up; see $LOG: $(tail -n 1 "$LOG" 2>/dev/null)"
        fi
        sleep 0.1
    done
    die "moto did not answer on $URL within 30 s; see $LOG"
}

stop() {
    local pid
    if ! pid="$(our_pid)"; then
        rm -f "$PIDFILE"
        echo "moto.sh: no moto started by this script on port $PORT" >&2
        return 0
    fi
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    rm -f "$PIDFILE" "$LOG"
    echo "moto.sh: stopped moto on port $PORT (pid $pid)" >&2
}

status() {
    if our_pid >/dev/null && moto_answers; then echo "$URL"; else exit 1; fi
}

case "$CMD" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) die "usage: $0 start|stop|status [PORT]" ;;
esac
