#!/usr/bin/env bash
# Throwaway PostgreSQL server for the store's conformance tests.
#
#   scripts/postgres-test.sh start   # prints the URL, e.g. postgres://skyplan@127.0.0.1:5433/skyplan_test
#   scripts/postgres-test.sh stop    # stops it and deletes its data
#   scripts/postgres-test.sh url     # prints the URL without starting anything
#
# Settings: SKYPLAN_PG_PORT (5433), SKYPLAN_PG_DIR (/tmp/skyplan-pg-<port>), PG_BIN (newest
# /usr/lib/postgresql/*/bin, 15 on these machines). Trust auth on 127.0.0.1 only; the data lives in a
# temporary folder owned by the `postgres` user when run as root. Logs go to stderr, the URL to stdout.
set -euo pipefail

PORT="${SKYPLAN_PG_PORT:-5433}"
DIR="${SKYPLAN_PG_DIR:-/tmp/skyplan-pg-$PORT}"
USER_NAME=skyplan
DB_NAME=skyplan_test
URL="postgres://$USER_NAME@127.0.0.1:$PORT/$DB_NAME"

log() { echo "postgres-test: $*" >&2; }

find_bin() {
    if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
    local candidate
    candidate="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -z "$candidate" && "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        log "installing postgresql (apt)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        candidate="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    fi
    if [[ -z "$candidate" ]]; then
        log "PostgreSQL is not installed: apt-get install postgresql (or set PG_BIN)"
        exit 1
    fi
    echo "$candidate"
}

# Runs a PostgreSQL program as the `postgres` user when we are root (initdb and postgres refuse root).
as_pg() {
    if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

running() {
    [[ -f "$DIR/data/postmaster.pid" ]] && as_pg "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1
}

start() {
    if running; then
        log "already running on port $PORT"
        echo "$URL"
        return
    fi
    rm -rf "$DIR"
    mkdir -p "$DIR"
    if [[ "$(id -u)" == 0 ]]; then chown postgres:postgres "$DIR"; fi
    as_pg "$BIN/initdb" -D "$DIR/data" -U "$USER_NAME" --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
        >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
        -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c max_connections=200 -c fsync=off" \
        start >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }
    as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$USER_NAME" "$DB_NAME"
    log "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT, data in $DIR"
    echo "$URL"
}

stop() {
    if running; then
        as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null
        log "stopped"
    fi
    rm -rf "$DIR"
}

BIN="$(find_bin)"
case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url) echo "$URL" ;;
    *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
