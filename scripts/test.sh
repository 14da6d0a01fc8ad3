#!/usr/bin/env bash
# The whole suite: starts moto and a throwaway PostgreSQL, runs the Swift tests (unit, integration,
# store on both engines, server), then the Python suites (demo seed, cloudcraftco compatibility,
# the web UI in headless Chromium), and stops what it started, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
MOTO_PORT=${MOTO_PORT:-5400}
# Never reach the EC2 instance metadata address from a test: credentials come from the environment.
export AWS_EC2_METADATA_DISABLED=true
export SKYPLAN_ARTIFACTS=${SKYPLAN_ARTIFACTS:-$PWD/artifacts}
mkdir -p "$SKYPLAN_ARTIFACTS"

cleanup() {
  scripts/moto.sh stop "$MOTO_PORT" >/dev/null 2>&1 || true
  scripts/postgres-test.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== format check"
make -s format-check

echo "== services"
export SKYPLAN_MOTO_URL=$(scripts/moto.sh start "$MOTO_PORT")
export SKYPLAN_POSTGRES_URL=$(scripts/postgres-test.sh start)
export SKYPLAN_POSTGRES_CA=$(scripts/postgres-test.sh ca)
echo "moto: $SKYPLAN_MOTO_URL  postgres: ${SKYPLAN_POSTGRES_URL%%@*}@..."

echo "== build"
swift build --build-tests

echo "== python suites"
python3 -m pytest -q -rs demo tests/python

echo "== swift tests"
swift test --skip-build
