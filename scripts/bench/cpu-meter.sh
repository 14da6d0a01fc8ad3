#!/usr/bin/env bash
# cpu-meter.sh NAME [--quiet] COMMAND...: runs COMMAND (its stdout dropped with --quiet) and prints its
# wall time and the CPU seconds that the AWS emulator (moto, at $MOTO_URL) and the latency proxy (at
# $ENDPOINT_URL) spent meanwhile.
#
# Used by scripts/bench-discovery.sh inside ../shared/bench/run_compare.sh: moto is one Python process
# (one core at most), so a scanner cannot finish faster than the emulator's CPU time for the calls it makes.
# Printing that floor next to the wall time says how much of a scan is latency and how much is the emulator.
set -uo pipefail
name=$1; shift
quiet=0
if [ "${1:-}" = --quiet ]; then quiet=1; shift; fi

pid_on_port() {  # URL -> pid listening on its port
  local port=${1##*:}; port=${port%%/*}
  ss -ltnpH "sport = :$port" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1
}
cpu_ticks() {  # PID -> utime + stime of the process and its threads, in clock ticks
  [ -n "$1" ] && [ -r "/proc/$1/stat" ] || { echo 0; return; }
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

moto=$(pid_on_port "${MOTO_URL:-}")
proxy=$(pid_on_port "${ENDPOINT_URL:-}")
hz=$(getconf CLK_TCK)
m0=$(cpu_ticks "$moto"); p0=$(cpu_ticks "$proxy"); t0=$(date +%s.%N)
if [ "$quiet" = 1 ]; then "$@" >/dev/null; else "$@"; fi
rc=$?
t1=$(date +%s.%N); m1=$(cpu_ticks "$moto"); p1=$(cpu_ticks "$proxy")
python3 - "$name" "$t0" "$t1" "$m0" "$m1" "$p0" "$p1" "$hz" "$rc" <<'PY'
import sys
name, t0, t1, m0, m1, p0, p1, hz, rc = sys.argv[1:]
hz = float(hz)
wall = float(t1) - float(t0)
moto = (int(m1) - int(m0)) / hz
proxy = (int(p1) - int(p0)) / hz
print(f"cpu-meter {name}: wall {wall:.2f} s, moto CPU {moto:.2f} s ({100 * moto / wall:.0f}% of wall), "
      f"proxy CPU {proxy:.2f} s, exit {rc}")
PY
exit $rc
