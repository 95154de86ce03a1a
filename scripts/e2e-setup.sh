#!/usr/bin/env bash
# Installs what `make e2e` drives: Graphviz, networkx (Debian's python3),
# Chromium, PostgreSQL, and the npm packages of e2e/ (cytoscape,
# playwright-core). Safe to run again; installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v dot >/dev/null 2>&1 || need+=(graphviz)
/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1 || need+=(python3-networkx)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
fonts=$(fc-list 2>/dev/null | wc -l || echo 0)
[ "$fonts" -gt 0 ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  echo "e2e-setup: installing ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# PostgreSQL: start the cluster if it is installed but not running.
if command -v pg_ctlcluster >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 2>/dev/null; then
  for v in $(ls /etc/postgresql 2>/dev/null); do
    pg_ctlcluster --skip-systemctl-redirect "$v" main start 2>/dev/null || true
  done
fi

if [ -f e2e/package.json ]; then
  (cd e2e && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --silent; else npm install --no-audit --no-fund --silent; fi)
fi
