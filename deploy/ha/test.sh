#!/usr/bin/env bash
# make test-ha: a fresh HA deployment (deploy/ha/start.sh, data in var/ha wiped first),
# the fault cases (deploy/ha/hacheck, PASS/FAIL with evidence), then everything stopped.
# Without arguments it runs the fault cases (0–15) on one deployment, then the
# operations cases (16–23: upgrade, add, rebuild, restore…) on a fresh one, as an
# operator starts a procedure from a healthy cluster. Case 21 (faketime) runs only
# when named.
# Usage: deploy/ha/test.sh [case number...]
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$top"
# One run at a time: a second one on the same ports and var/ha would stop the first's
# servers and leave others running under another deployment's admin password.
mkdir -p "$(dirname "$HA_DIR")"
exec 9>"$HA_DIR.lock"
flock -n 9 || { echo "test-ha: another deploy/ha/test.sh is running here ($HA_DIR.lock)" >&2; exit 1; }
trap 'deploy/ha/stop.sh >/dev/null' EXIT

fresh() {
  deploy/ha/stop.sh >/dev/null
  rm -rf "$HA_DIR"
  deploy/ha/start.sh
}

if [ $# -gt 0 ]; then
  fresh
  go run ./deploy/ha/hacheck "$@"
  exit
fi
status=0
fresh
go run ./deploy/ha/hacheck $(seq 0 15) || status=1
fresh
go run ./deploy/ha/hacheck 16 17 18 19 20 22 23 || status=1
exit $status
