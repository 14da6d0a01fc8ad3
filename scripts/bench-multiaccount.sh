#!/usr/bin/env bash
# Issue #15's scan benchmark: ACCOUNTS accounts × 2 regions (a small VPC, subnets, security group, queue and table in
# each) through ../shared/bench's latency proxy (--per-region --cache, WARM=1 style: every run once untimed to fill
# the proxy's replay cache, then timed), one `skyplan scan` with every --role-arn against the same accounts scanned
# one after another (one `skyplan scan` each).
#
#   MOTO_PORT=5412 PROXY_PORT=15412 scripts/bench-multiaccount.sh [ACCOUNTS]      # default 20
#   SKYPLAN=.build/release/skyplan ... (default .build/debug/skyplan)
set -euo pipefail
cd "$(dirname "$0")/.."
ACCOUNTS=${1:-20}
MOTO_PORT=${MOTO_PORT:-5412}
PROXY_PORT=${PROXY_PORT:-15412}
SKYPLAN=${SKYPLAN:-.build/debug/skyplan}
BENCH=${BENCH_DIR:-$(cd .. && pwd)/shared/bench}
OUT=$(mktemp -d /tmp/skyplan-bench-multi.XXXXXX)
MOTO=http://127.0.0.1:$MOTO_PORT
curl -s -X POST "$MOTO/moto-api/reset" >/dev/null
python3 - "$ACCOUNTS" >"$OUT/environment.json" <<'PY'
import json, sys
accounts = []
for i in range(int(sys.argv[1])):
    aid = str(610000000000 + i)
    res = []
    for r, region in enumerate(["us-east-1", "eu-west-1"]):
        p = f"r{r}-"
        res += [
            {"type": "vpc", "name": p + "vpc", "region": region, "cidr": f"10.{r}.0.0/16"},
            {"type": "subnet", "name": p + "a", "region": region, "vpc": p + "vpc", "cidr": f"10.{r}.1.0/24",
             "az": region + "a", "tier": "isolated"},
            {"type": "subnet", "name": p + "b", "region": region, "vpc": p + "vpc", "cidr": f"10.{r}.2.0/24",
             "az": region + "b", "tier": "isolated"},
            {"type": "security_group", "name": p + "sg", "region": region, "vpc": p + "vpc", "description": "app",
             "ingress": [{"port": 443, "cidr": "10.0.0.0/8"}]},
            {"type": "sqs_queue", "name": p + "jobs", "region": region},
            {"type": "dynamodb_table", "name": p + "table", "region": region, "hashKey": "id"},
        ]
    accounts.append({"id": aid, "name": f"bench-{i}", "region": "us-east-1", "resources": res})
print(json.dumps({"version": 1, "accounts": accounts}))
PY
python3 demo/seed.py "$MOTO" --env "$OUT/environment.json" --out "$OUT/summary.json" >/dev/null
python3 "$BENCH/latency_proxy.py" "$PROXY_PORT" "$MOTO" --per-region --cache >"$OUT/proxy.log" 2>&1 &
PROXY=$!
trap 'kill $PROXY 2>/dev/null || true' EXIT
sleep 1
export AWS_ENDPOINT_URL=http://127.0.0.1:$PROXY_PORT AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
export AWS_REGION=us-east-1
ROLES=()
for i in $(seq 0 $((ACCOUNTS - 1))); do ROLES+=(--role-arn "arn:aws:iam::$((610000000000 + i)):role/skyplan"); done
together() { $SKYPLAN scan "${ROLES[@]}" --region us-east-1,eu-west-1 --format inventory -o "$OUT/together.json" 2>/dev/null; }
apart() {
  for i in $(seq 0 $((ACCOUNTS - 1))); do
    $SKYPLAN scan --role-arn "arn:aws:iam::$((610000000000 + i)):role/skyplan" --region us-east-1,eu-west-1 \
      --format inventory -o "$OUT/apart-$i.json" 2>/dev/null
  done
}
seconds() { local s; s=$(date +%s.%N); "$@" >/dev/null; echo "$(date +%s.%N) - $s" | bc; }
together >/dev/null; apart >/dev/null  # warm the replay cache
T=$(seconds together)
A=$(seconds apart)
R=$(python3 -c "import json;print(len(json.load(open('$OUT/together.json'))['resources']))")
echo "accounts  regions  resources  together(one scan)  one-after-another  speedup"
echo "$ACCOUNTS  2  $R  ${T} s  ${A} s  $(echo "scale=1; $A / $T" | bc)x"
echo "(logs and inventories in $OUT)"
