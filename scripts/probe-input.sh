#!/usr/bin/env bash
# Issue #18's blueprint-input probes against `skyplan serve` on a fresh SQLite file; /health after each.
#
#   scripts/probe-input.sh BINARY PORT        e.g. scripts/probe-input.sh .build/debug/skyplan 5411
#   SKIP_NUMBERS=1   skip the number probes (a server from before #18 dies on the first)
#   ONLY_PNG=1       with SKIP_NUMBERS: skip the stored-coordinate exports, measure only png 20000x20000
#
# Prints status, time, the start of the body and /health's status for each probe, and the server's peak
# memory (VmHWM) after the 20000x20000 PNG.
set -u
BIN=$1; PORT=$2; SKIP_NUMBERS=${SKIP_NUMBERS:-}; ONLY_PNG=${ONLY_PNG:-}; DIR=$(mktemp -d); DB="sqlite:$DIR/s.sqlite"
$BIN user create --email o@x.io --name O --role owner --database $DB >/dev/null
$BIN user create --email a@x.io --name A --role admin --database $DB >/dev/null
OK=$($BIN apikey create --email o@x.io --access read-write --database $DB)
AK=$($BIN apikey create --email a@x.io --access read-write --database $DB)
$BIN serve --port $PORT --database $DB > $DIR/log 2>&1 &
PID=$!
for i in $(seq 50); do curl -s -o /dev/null localhost:$PORT/health && break; sleep 0.2; done
U="http://127.0.0.1:$PORT"
health() { curl -s -m 5 -o /dev/null -w "%{http_code}" $U/health || true; }
probe() { # name method path key body
  local out; out=$(curl -s -m 20 -o $DIR/body -w "%{http_code} %{time_total}s" -X $2 -H "Authorization: Bearer $4" -H "Content-Type: application/json" ${5:+--data "$5"} "$U$3" 2>/dev/null || echo "no-answer")
  printf "%-34s %-18s body=%-70.70s health=%s\n" "$1" "$out" "$(tr -d '\n' < $DIR/body 2>/dev/null)" "$(health)"
}
OWNER_ID=$(curl -s -H "Authorization: Bearer $OK" $U/user/me | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
probe "admin mints owner's key" POST /apikey $AK "{\"access\":\"read-write\",\"userId\":\"$OWNER_ID\"}"
[ -z "$SKIP_NUMBERS" ] && for b in '{"data":{"version":1e19}}' '{"data":{"version":-1e300}}' \
  '{"data":{"nodes":[{"type":"ec2","id":"n1","mapPos":[0,0],"count":1e300}]}}' \
  '{"data":{"nodes":[{"type":"ec2","id":"n1","mapPos":[0,0],"breakdown":{"a":1e300}}]}}' \
  '{"data":{"nodes":[{"type":"ec2","id":"<script>alert(1)</script>","mapPos":[0,0]}]}}'; do
  probe "POST ${b:9:40}" POST /blueprint $OK "$b"
done
# Records as stored before the checks: saved through the old server, or through the new one if refused.
save() { curl -s -X POST -H "Authorization: Bearer $OK" -H "Content-Type: application/json" --data "$1" $U/blueprint | python3 -c 'import json,sys; print(json.load(sys.stdin).get("id",""))' 2>/dev/null; }
FAR=$(save '{"data":{"nodes":[{"type":"ec2","id":"a","mapPos":[0,0]},{"type":"ec2","id":"b","mapPos":[1e15,1e15]}],"edges":[{"from":"a","to":"b"}]}}')
BIG=$(save '{"data":{"nodes":[{"type":"ec2","id":"a","mapPos":[1e17,0]}]}}')
OKBP=$(save '{"data":{"nodes":[{"type":"ec2","id":"a","mapPos":[0,0]}]}}')
echo "saved: far=${FAR:-refused} big=${BIG:-refused} ok=$OKBP"
[ -z "$ONLY_PNG" ] && [ -n "$FAR" ] && { probe "svg of [0,0]-[1e15,1e15]" GET /blueprint/$FAR/svg $OK; probe "svg again" GET /blueprint/$FAR/svg $OK; }
curl -s -m 120 -o /dev/null -w "png 20000x20000: %{http_code} in %{time_total}s\n" -H "Authorization: Bearer $OK" "$U/blueprint/$OKBP/png?width=20000&height=20000" 2>&1 | tr '\n' ' '; echo " health=$(health)"
grep VmHWM /proc/$PID/status 2>/dev/null | sed "s/^/server peak memory /" || echo "server gone"
[ -z "$ONLY_PNG" ] && [ -n "$BIG" ] && probe "svg of mapPos 1e17" GET /blueprint/$BIG/svg $OK
kill $PID 2>/dev/null; sleep 1; kill -9 $PID 2>/dev/null; wait $PID 2>/dev/null
rm -rf $DIR
