#!/usr/bin/env bash
# make demo: a local AWS emulator (moto) seeded with the sample environment in two accounts,
# Skyplan on SQLite with an owner whose login is printed, and the sample accounts connected.
# Ctrl-C stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-8080}
MOTO_PORT=${MOTO_PORT:-5400}
STATE=.demo
mkdir -p "$STATE"
BIN=$(swift build --show-bin-path)/skyplan
DB="sqlite:$STATE/skyplan.sqlite"
EMAIL=owner@skyplan.local

MOTO_URL=$(scripts/moto.sh start "$MOTO_PORT")
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  scripts/moto.sh stop "$MOTO_PORT" >/dev/null 2>&1 || true
}
trap cleanup EXIT INT TERM

echo "demo: seeding the sample environment into moto at $MOTO_URL"
python3 demo/seed.py "$MOTO_URL" --reset --out "$STATE/seed.json" >/dev/null

# The operator's credentials and endpoint, the way every AWS SDK reads them.
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1
export AWS_ENDPOINT_URL="$MOTO_URL"
unset AWS_PROFILE AWS_SESSION_TOKEN
export AWS_EC2_METADATA_DISABLED=true

rm -f "$STATE/skyplan.sqlite" "$STATE/skyplan.sqlite-wal" "$STATE/skyplan.sqlite-shm"
"$BIN" migrate --database "$DB" >/dev/null
PASSWORD=$("$BIN" user create --email "$EMAIL" --name "Demo Owner" --role owner --database "$DB" </dev/null \
  | sed -n 's/^password: //p')
KEY=$("$BIN" apikey create --email "$EMAIL" --access read-write --name demo --database "$DB")

# moto cannot enforce external IDs, so the demo (only) accepts unprotected roles.
"$BIN" serve --host 127.0.0.1 --port "$PORT" --database "$DB" --allow-unprotected-roles &
SERVER_PID=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "demo: skyplan serve exited" >&2; exit 1; }
  sleep 0.2
done

python3 - "$PORT" "$KEY" "$STATE/seed.json" <<'PY'
import json, sys, urllib.request
port, key, seed = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3]))
for account in seed["accounts"].values():
    body = json.dumps({"name": account["name"], "roleArn": account["roleArn"]}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/aws/account", data=body, method="POST",
                                 headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        print(f"demo: connected {account['name']} ({account['roleArn']}): HTTP {r.status}")
PY

cat <<MSG

  Skyplan is running:  http://127.0.0.1:$PORT
  Sign in as:          $EMAIL
  Password:            $PASSWORD
  API key (read-write, for the API and cloudcraftco): $KEY

  The AWS emulator (moto) is at $MOTO_URL with the sample environment in two accounts.
  Press Ctrl-C to stop.
MSG
wait "$SERVER_PID"
