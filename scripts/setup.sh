#!/usr/bin/env bash
# Installs what Skyplan's build, demo and tests need on a fresh Debian machine, and nothing that is
# already there. Safe to run again. Usage: scripts/setup.sh [--test]   (--test adds the browser and
# PostgreSQL the test suite uses).
set -euo pipefail
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

apt_pkgs=(librsvg2-dev libcairo2-dev libsqlite3-dev pkg-config)
[ $want_test = 1 ] && apt_pkgs+=(chromium chromium-driver graphviz poppler-utils postgresql openssl)
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} (apt)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

py_mods=("moto:moto[server]==5.2.1" "boto3:boto3" "flask:flask" "flask_cors:flask-cors")
[ $want_test = 1 ] && py_mods+=("selenium:selenium" "cloudcraftco:cloudcraftco==1.1.0" "pytest:pytest")
pip_missing=()
for entry in "${py_mods[@]}"; do
  mod=${entry%%:*}; pkg=${entry#*:}
  python3 -c "import $mod" 2>/dev/null || pip_missing+=("$pkg")
done
if [ ${#pip_missing[@]} -gt 0 ]; then
  echo "setup: installing ${pip_missing[*]} (pip)"
  python3 -m pip install -q "${pip_missing[@]}"
fi
command -v swift >/dev/null || { echo "setup: Swift 6 is required (swift not on PATH)" >&2; exit 1; }
