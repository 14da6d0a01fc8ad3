#!/usr/bin/env bash
# Blueprints saved by a server from before #18's input checks (huge coordinates, markup ids and colours),
# then exported in every format by the current one: each answers (200, or a 400 naming a limit), SVG and
# mxGraph parse as XML with no raw <script, and /health answers after each.
#
#   scripts/probe-legacy-records.sh OLD_BINARY NEW_BINARY PORT
set -u
OLD=$1; NEW=$2; PORT=$3
DIR=$(mktemp -d); DB="sqlite:$DIR/s.sqlite"; U=http://127.0.0.1:$PORT
$OLD user create --email o@x.io --name O --role owner --database $DB >/dev/null
K=$($OLD apikey create --email o@x.io --access read-write --database $DB)
start() { $1 serve --port $PORT --database $DB > $DIR/log 2>&1 & PID=$!; for i in $(seq 50); do curl -s -o /dev/null $U/health && break; sleep 0.2; done; }
save() { curl -s -X POST -H "Authorization: Bearer $K" -H "Content-Type: application/json" --data "$1" $U/blueprint | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
start $OLD
FAR=$(save '{"data":{"nodes":[{"type":"ec2","id":"a","mapPos":[0,0]},{"type":"ec2","id":"b","mapPos":[1e15,1e15]}],"edges":[{"from":"a","to":"b"}]}}')
BIG=$(save '{"data":{"nodes":[{"type":"ec2","id":"a","mapPos":[1e300,0],"mapSize":[1e17,1e17]}]}}')
XSS=$(save '{"data":{"name":"<script>x</script>","nodes":[{"type":"ec2","id":"<script>alert(1)</script>","mapPos":[0,0],"name":"<a id=x>","color":{"isometric":"#fff\"/><script>","2d":"x"}}]}}')
kill $PID; wait $PID 2>/dev/null
start $NEW
for id in $FAR $BIG $XSS; do for f in svg "svg?projection=2d" mxGraph json "png?width=400&height=300" pdf "png?scale=20" budget/csv; do
  r=$(curl -s -m 30 -o $DIR/out -w "%{http_code} %{time_total}s" -H "Authorization: Bearer $K" "$U/blueprint/$id/$f")
  x=""; case $f in svg*|mxGraph) python3 -c "import sys,xml.dom.minidom as m; m.parse(sys.argv[1])" $DIR/out 2>/dev/null && x="well-formed" || x="NOT-WELL-FORMED"; grep -q "<script" $DIR/out && x="$x RAW-SCRIPT";; esac
  printf "%-8.8s %-26s %-16s %-22s health=%s\n" $id "$f" "$r" "$x" "$(curl -s -m 5 -o /dev/null -w '%{http_code}' $U/health)"
done; done
kill $PID; wait $PID 2>/dev/null; rm -rf $DIR
