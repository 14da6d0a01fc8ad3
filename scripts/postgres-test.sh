#!/usr/bin/env bash
# Throwaway PostgreSQL server for the store's conformance tests.
#
#   scripts/postgres-test.sh start   # prints the URL, e.g. postgres://skyplan@127.0.0.1:5433/skyplan_test
#   scripts/postgres-test.sh stop    # stops it and deletes its data
#   scripts/postgres-test.sh url     # prints the URL without starting anything
#   scripts/postgres-test.sh ca      # prints the path of the throwaway CA certificate the server's TLS uses
#
# Settings: SKYPLAN_PG_PORT (5433), SKYPLAN_PG_DIR (/tmp/skyplan-pg-<port>), PG_BIN (newest
# /usr/lib/postgresql/*/bin, 15 on these machines). Trust auth on 127.0.0.1 only; the data lives in a
# temporary folder owned by the `postgres` user when run as root. Logs go to stderr, the URL to stdout.
# TLS is on (plain connections still work): a throwaway CA signs a certificate for 127.0.0.1 and
# localhost, so the store's sslmode=require/verify-ca/verify-full paths are tested against a real server.
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

# A throwaway CA and a server certificate for 127.0.0.1/localhost, in $DIR/tls.
make_tls() {
    local tls="$DIR/tls"
    mkdir -p "$tls"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Skyplan test CA" \
        -keyout "$tls/ca.key" -out "$tls/ca.crt" >/dev/null 2>&1
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
        -keyout "$tls/server.key" -out "$tls/server.csr" >/dev/null 2>&1
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$tls/san.ext"
    openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" -CAcreateserial -days 2 \
        -extfile "$tls/san.ext" -out "$tls/server.crt" >/dev/null 2>&1
    chmod 600 "$tls/server.key"
    chmod 644 "$tls/ca.crt"
    if [[ "$(id -u)" == 0 ]]; then chown -R postgres:postgres "$tls"; fi
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
    chmod 755 "$DIR"
    make_tls
    as_pg "$BIN/initdb" -D "$DIR/data" -U "$USER_NAME" --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
        >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
        -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c max_connections=200 -c fsync=off -c ssl=on \
            -c ssl_cert_file=$DIR/tls/server.crt -c ssl_key_file=$DIR/tls/server.key" \
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
    ca) echo "$DIR/tls/ca.crt" ;;
    *) echo "usage: $0 start|stop|url|ca" >&2; exit 2 ;;
esac
