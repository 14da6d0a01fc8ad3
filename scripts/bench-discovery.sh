#!/usr/bin/env bash
# The discovery benchmark of issue #5: Skyplan's scanner side by side with the sequential boto3 baseline,
# through ../shared/bench's latency-and-throttling proxy in front of moto seeded with RESOURCES resources
# over 4 regions. Prints the harness's table (wall, requests, throttles, ratio) and, per scanner, the CPU
# the emulator spent (scripts/bench/cpu-meter.sh): moto is one Python process, so its CPU time for the calls
# a scanner makes is a floor under that scanner's wall time.
#
#   scripts/bench-discovery.sh [RESOURCES]          # default 5000; AWS-like per-region buckets
#   PER_REGION=0 scripts/bench-discovery.sh 5000    # the harness's default: one bucket per (service, action)
#
# Two harness runs (each on a freshly seeded moto): 1) baseline, then Skyplan, timed by the harness;
# 2) the emulator's CPU for the baseline, and Skyplan straight to moto (no latency, no throttling: the floor).
set -euo pipefail
cd "$(dirname "$0")/.."
RESOURCES=${1:-5000}
BENCH=${BENCH_DIR:-$(cd .. && pwd)/shared/bench}
[ -x "$BENCH/run_compare.sh" ] || { echo "bench-discovery: no $BENCH/run_compare.sh (set BENCH_DIR)" >&2; exit 2; }
[ -x .build/release/skyplan-bench ] || swift build -c release --product skyplan-bench
export REGIONS=${REGIONS:-us-east-1,us-west-2,eu-west-1,ap-southeast-1}
PACE=""
if [ "${PER_REGION:-1}" = 1 ]; then
  export PROXY_ARGS="${PROXY_ARGS:-} --per-region"
  PACE="--pace region"   # the scanner paces its per-item calls per region too, as AWS scopes its limits
fi
METER="$PWD/scripts/bench/cpu-meter.sh"
SCAN="$PWD/.build/release/skyplan-bench discovery --regions \"\$REGIONS\" $PACE"
OUT=$(mktemp -d /tmp/skyplan-bench-discovery.XXXXXX)

echo "### run 1: baseline, then Skyplan through the proxy"
OUT_DIR=$OUT/run1 SCANNER2_NAME=skyplan \
  SCANNER2_CMD="$METER skyplan $SCAN --endpoint \"\$ENDPOINT_URL\" --out \"\$OUT_DIR/skyplan.json\"" \
  "$BENCH/run_compare.sh" "$RESOURCES" "$REGIONS" | tee "$OUT/run1.log"

echo "### run 2: the emulator's CPU for the baseline; Skyplan straight to moto (the emulator-bound floor)"
OUT_DIR=$OUT/run2 RUN_BASELINE=0 SCANNER2_NAME=calibration \
  SCANNER2_CMD="$METER baseline --quiet python3 $BENCH/baseline_scan.py \"\$ENDPOINT_URL\" --regions \"\$REGIONS\" --out \"\$OUT_DIR/baseline.json\"; \
$METER skyplan-direct --quiet $SCAN --endpoint \"\$MOTO_URL\" --rate 0" \
  "$BENCH/run_compare.sh" "$RESOURCES" "$REGIONS" > "$OUT/run2.log"

echo
echo "### summary"
sed -n '/^== summary/,$p' "$OUT/run1.log"
grep -h '^cpu-meter' "$OUT/run1.log" "$OUT/run2.log"
echo "logs: $OUT"
