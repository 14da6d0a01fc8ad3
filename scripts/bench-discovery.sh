#!/usr/bin/env bash
# The discovery benchmark of issue #13: the product CLI (`skyplan scan --format inventory`) side by side with the
# sequential boto3 baseline, through ../shared/bench's latency-and-throttling proxy in front of moto seeded with
# RESOURCES resources over 4 regions, with AWS-like per-region buckets. WARM=1: each scanner runs once untimed to
# fill the proxy's replay cache, then timed, answered from memory (moto's own CPU out of the way).
#
#   scripts/bench-discovery.sh [RESOURCES]     # default 5000; prints two tables: 20 rps/bucket, then RPS=5
#   SKIP_RPS5=1 scripts/bench-discovery.sh     # the normal table only
#
# Needs .build/release/skyplan (`swift build -c release --product skyplan`; built here when missing).
# Each table is a fresh moto seeded anew (about 25 s), then baseline (warm-up + timed) and Skyplan (the same).
# Logs, stats JSON and both inventories stay in the printed directory.
set -euo pipefail
cd "$(dirname "$0")/.."
RESOURCES=${1:-5000}
BENCH=${BENCH_DIR:-$(cd .. && pwd)/shared/bench}
[ -x "$BENCH/run_compare.sh" ] || { echo "bench-discovery: no $BENCH/run_compare.sh (set BENCH_DIR)" >&2; exit 2; }
[ -x .build/release/skyplan ] || swift build -c release --product skyplan
export REGIONS=${REGIONS:-us-east-1,us-west-2,eu-west-1,ap-southeast-1}
export WARM=1 PROXY_ARGS="${PROXY_ARGS:-} --per-region"
SKYPLAN="$PWD/.build/release/skyplan"
SCAN="$SKYPLAN scan --region \"\$REGIONS\" --format inventory -o \"\$OUT_DIR/skyplan.json\""
OUT=$(mktemp -d /tmp/skyplan-bench-discovery.XXXXXX)

run() {  # NAME [ENV=VALUE...]: one harness run, its log in $OUT/NAME.log
  local name=$1
  shift
  echo "### $name: baseline, then skyplan ($*)"
  env "$@" OUT_DIR="$OUT/$name" SCANNER2_NAME=skyplan SCANNER2_CMD="$SCAN" \
    "$BENCH/run_compare.sh" "$RESOURCES" "$REGIONS" >"$OUT/$name.log" 2>&1 || {
    echo "bench-discovery: the $name run failed, see $OUT/$name.log" >&2
    return 1
  }
  grep -E '^-- (proxy stats|baseline|skyplan)' "$OUT/$name.log"
}

run normal RPS=20
if [ "${SKIP_RPS5:-0}" != 1 ]; then run rps5 RPS=5; fi

echo
for name in normal rps5; do
  [ -f "$OUT/$name.log" ] || continue
  echo "### summary: $name"
  sed -n '/^== summary/,$p' "$OUT/$name.log"
done
echo "logs: $OUT"
