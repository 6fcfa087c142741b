#!/usr/bin/env bash
# Starts (or reuses) a private ClickHouse on loopback for development and tests.
# Usage: deploy/clickhouse/local.sh NAME TCP_PORT HTTP_PORT
# Data lives in var/clickhouse-NAME inside the checkout (ignored by git).
# Does nothing when CLICKHOUSE_ADDR is set: the caller then uses that server.
set -euo pipefail

name=${1:-dev}
tcp_port=${2:-19000}
http_port=${3:-18123}

if [ -n "${CLICKHOUSE_ADDR:-}" ]; then
  echo "clickhouse: using CLICKHOUSE_ADDR=$CLICKHOUSE_ADDR"
  exit 0
fi

top=$(cd "$(dirname "$0")/../.." && pwd)
dir="$top/var/clickhouse-$name"
mkdir -p "$dir/data" "$dir/tmp" "$dir/log"

answers() { clickhouse-client --port "$tcp_port" --query "SELECT 1" >/dev/null 2>&1; }

if ! command -v clickhouse-server >/dev/null 2>&1 && [ ! -x /usr/bin/clickhouse-server ] && [ ! -x /usr/sbin/clickhouse-server ]; then
  echo "clickhouse: installing Debian's clickhouse-server (needs root or sudo)"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq clickhouse-server clickhouse-client >/dev/null
fi
server=$(command -v clickhouse-server || echo /usr/sbin/clickhouse-server)

if answers; then
  echo "clickhouse: $name already answering on 127.0.0.1:$tcp_port"
  exit 0
fi

sed -e "s#DATA#$dir#g" -e "s#TCP_PORT#$tcp_port#" -e "s#HTTP_PORT#$http_port#" \
  "$top/deploy/clickhouse/local-config.xml" > "$dir/config.xml"

# setsid: the server outlives the make target that started it and ignores its Ctrl-C.
setsid "$server" --config-file="$dir/config.xml" >"$dir/log/stdout.log" 2>&1 < /dev/null &
echo $! > "$dir/server.pid"

for _ in $(seq 1 60); do
  if answers; then
    echo "clickhouse: $name started on 127.0.0.1:$tcp_port (data in ${dir#$top/})"
    exit 0
  fi
  sleep 0.5
done
echo "clickhouse: $name did not answer on 127.0.0.1:$tcp_port within 30 s; see $dir/log/" >&2
tail -20 "$dir/log/err.log" "$dir/log/stdout.log" >&2 || true
exit 1
