#!/usr/bin/env bash
# The blueprint API under 50 concurrent clients (skyplan-bench api: 40% list, 40% read one, 20% save), on SQLite
# and on PostgreSQL, alternating, each on a fresh database. Needs a release build (`swift build -c release
# --product skyplan-bench`) and PostgreSQL installed; starts a throwaway server with scripts/postgres-test.sh.
#
#   scripts/bench-api.sh [ROUNDS]       # default 2 rounds; ROUNDS=1 for one of each
#   PIN=1 scripts/bench-api.sh          # the database on a core of its own (as on a database host): the server
#                                       # and its clients on the other cores, PostgreSQL on the last one
#
# Settings: BENCH (.build/release/skyplan-bench), SKYPLAN_PG_PORT (5439), SECONDS_PER_RUN (10), CLIENTS (50).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-2}"
BENCH="${BENCH:-.build/release/skyplan-bench}"
PORT="${SKYPLAN_PG_PORT:-5439}"
RUN_SECONDS="${SECONDS_PER_RUN:-10}"
CLIENTS="${CLIENTS:-50}"
[[ -x "$BENCH" ]] || { echo "bench-api: $BENCH is missing: swift build -c release --product skyplan-bench" >&2; exit 1; }

SKYPLAN_PG_PORT="$PORT" scripts/postgres-test.sh start >/dev/null
DATA_DIR="${SKYPLAN_PG_DIR:-/tmp/skyplan-pg-$PORT}/data"
psql_admin() { psql -q -h 127.0.0.1 -p "$PORT" -U skyplan -d postgres "$@"; }

# The server's postmaster and its running children (new backends inherit the postmaster's cores).
pin_postgres() {
    local postmaster
    postmaster="$(head -n 1 "$DATA_DIR/postmaster.pid")"
    for pid in "$postmaster" $(pgrep -P "$postmaster"); do taskset -a -p -c "$1" "$pid" >/dev/null; done
}

server_cpus=""
if [[ "${PIN:-0}" == 1 ]]; then
    last=$(($(nproc) - 1))
    (( last >= 1 )) || { echo "bench-api: PIN=1 needs two cores or more" >&2; exit 1; }
    pin_postgres "$last"
    server_cpus="0-$((last - 1))"
    echo "PostgreSQL on cpu $last; server and clients on cpu $server_cpus (SQLite runs in the server)"
fi
run() {
    if [[ -n "$server_cpus" ]]; then taskset -c "$server_cpus" "$@"; else "$@"; fi
}

for round in $(seq 1 "$ROUNDS"); do
    psql_admin -c "DROP DATABASE IF EXISTS skyplan_bench" -c "CREATE DATABASE skyplan_bench"
    echo "== round $round: PostgreSQL"
    run "$BENCH" api --clients "$CLIENTS" --seconds "$RUN_SECONDS" --blueprints 600 \
        --database "postgres://skyplan@127.0.0.1:$PORT/skyplan_bench" 2>&1 | grep -E '^(GET|PUT|reads|writes|all)'
    echo "== round $round: SQLite"
    run "$BENCH" api --clients "$CLIENTS" --seconds "$RUN_SECONDS" --blueprints 600 2>&1 \
        | grep -E '^(GET|PUT|reads|writes|all)'
done
if [[ -n "$server_cpus" ]]; then pin_postgres "0-$(($(nproc) - 1))"; fi
