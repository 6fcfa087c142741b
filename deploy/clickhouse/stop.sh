#!/usr/bin/env bash
# Stops the private ClickHouse NAME started by local.sh and waits until it is gone.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
name=${1:-dev}
pids=$(pgrep -f -- "--config-file=$top/var/clickhouse-$name/config.xml" || true)
if [ -z "$pids" ]; then
  echo "clickhouse: $name not running"
  exit 0
fi
kill $pids
for _ in $(seq 1 100); do
  pgrep -f -- "--config-file=$top/var/clickhouse-$name/config.xml" >/dev/null || { echo "clickhouse: $name stopped"; exit 0; }
  sleep 0.1
done
kill -9 $pids 2>/dev/null || true
echo "clickhouse: $name killed"
