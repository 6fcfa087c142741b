#!/usr/bin/env bash
# Stops everything deploy/ha/start.sh started (by the process ids it recorded), the
# load balancer and chitieu servers first, ZooKeeper last. Data stays in var/ha.
# Usage: deploy/ha/stop.sh [component...]   (components: lb web1 web2 ch1 ch2 ch3 zk)
set -uo pipefail
. "$(dirname "$0")/env.sh"

stop_one() {
  local name=$1 pidfile="$HA_DIR/$1.pid"
  [ -f "$pidfile" ] || return 0
  local pid
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    echo "ha: $name stopped"
  fi
  rm -f "$pidfile"
}

if [ $# -gt 0 ]; then
  for c in "$@"; do stop_one "$c"; done
else
  for c in lb web1 web2 ch1 ch2 ch3 zk; do stop_one "$c"; done
fi
