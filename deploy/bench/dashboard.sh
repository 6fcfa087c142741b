#!/usr/bin/env bash
# make bench-dashboard: server time of the overview and an indicator page under load
# (32 clients, 30 s by default), on the real demo data and on 10 million synthetic
# figure rows, with the page cache on and off, and the same ClickHouse reads alone.
# With the cache on, the overview also runs signed in (a viewer's session cookie)
# right after the anonymous run on the same server, and the signed-in/anonymous
# throughput ratio is printed with the signed-in p50/p95/p99.
# Uses the dev ClickHouse (deploy/clickhouse/local.sh dev) unless CLICKHOUSE_ADDR is set.
# Databases: chitieu_benchdemo (demo data), chitieu_bench (demo + synthetic rows).
# BENCH_SYNTHETIC=0 skips the synthetic part; BENCH_DEMO_DB names the demo database.
set -euo pipefail
cd "$(dirname "$0")/../.."
C=${BENCH_CLIENTS:-32}
D=${BENCH_DURATION:-30s}
ROWS=${BENCH_ROWS:-10000000}
PORT=${BENCH_PORT:-18600}
if [ -z "${CLICKHOUSE_ADDR:-}" ]; then
  export CLICKHOUSE_ADDR=127.0.0.1:19000
  deploy/clickhouse/local.sh dev 19000 18123 >/dev/null
fi
BENCH_USER=bench_leader
BENCH_PASSWORD=bench-leader-password
if [ -z "${BENCH_NOBUILD:-}" ]; then # BENCH_NOBUILD=1: use the binaries in bin/ as they are
  go build -o bin/chitieu ./cmd/chitieu
  go build -o bin/loadgen ./cmd/loadgen
fi

rows() { clickhouse-client --host "${CLICKHOUSE_ADDR%:*}" --port "${CLICKHOUSE_ADDR#*:}" \
  --query "SELECT count() FROM $1.figures" 2>/dev/null || echo 0; }

server_pid=""
stop() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; server_pid=""; }
trap stop EXIT

start() { # database, cache on|off
  stop
  CLICKHOUSE_DATABASE=$1 CHITIEU_PAGE_CACHE=$2 CHITIEU_PUBLIC=true CHITIEU_ADDR=127.0.0.1:$PORT \
    CHITIEU_LOG_LEVEL=warn ./bin/chitieu serve &
  server_pid=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && return; sleep 0.1; done
  echo "server did not start" >&2; exit 1
}

bench() { # database label
  local db=$1
  echo "=== $2 (database $db, $(rows "$db") figure rows) ==="
  for cache in on off; do
    start "$db" "$cache"
    echo "--- HTTP, page cache $cache"
    if [ "$cache" = on ]; then # anonymous, then signed in: same page, same server
      ./bin/loadgen -c "$C" -d "$D" -signin "$BENCH_USER:$BENCH_PASSWORD" "http://127.0.0.1:$PORT/?plan=DHXX-2020&year=2025"
    else
      ./bin/loadgen -c "$C" -d "$D" "http://127.0.0.1:$PORT/?plan=DHXX-2020&year=2025"
    fi
    ./bin/loadgen -c "$C" -d "$D" "http://127.0.0.1:$PORT/indicators/grdp_growth"
  done
  stop
  echo "--- ClickHouse alone (the same reads, no HTTP, no rendering)"
  CLICKHOUSE_DATABASE=$db ./bin/loadgen -c "$C" -d "$D" -store overview
  CLICKHOUSE_DATABASE=$db ./bin/loadgen -c "$C" -d "$D" -store indicator
}

# A leader's account (viewer) with a known password, in each benchmark database.
bench_user() {
  if ! echo "$BENCH_PASSWORD" | CLICKHOUSE_DATABASE=$1 ./bin/chitieu users add "$BENCH_USER" --role viewer --password-stdin >/dev/null 2>&1; then
    echo "$BENCH_PASSWORD" | CLICKHOUSE_DATABASE=$1 ./bin/chitieu users passwd "$BENCH_USER" --password-stdin >/dev/null
  fi
}

DEMO_DB=${BENCH_DEMO_DB:-chitieu_benchdemo}
CLICKHOUSE_DATABASE=$DEMO_DB ./bin/chitieu demo >/dev/null
bench_user "$DEMO_DB"
bench "$DEMO_DB" "real demo data"
[ "${BENCH_SYNTHETIC:-1}" = 0 ] && exit 0
if [ "$(rows chitieu_bench)" -lt "$ROWS" ]; then
  CLICKHOUSE_DATABASE=chitieu_bench ./bin/chitieu demo synthetic --rows "$ROWS"
fi
bench_user chitieu_bench
bench chitieu_bench "$ROWS synthetic figure rows"
