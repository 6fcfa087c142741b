#!/usr/bin/env bash
# make test-ha: a fresh HA deployment (deploy/ha/start.sh, data in var/ha wiped first),
# the fault cases (deploy/ha/hacheck, PASS/FAIL with evidence), then everything stopped.
# Usage: deploy/ha/test.sh [case number...]
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$top"
deploy/ha/stop.sh >/dev/null
rm -rf "$HA_DIR"
trap 'deploy/ha/stop.sh >/dev/null' EXIT
deploy/ha/start.sh
go run ./deploy/ha/hacheck "$@"
