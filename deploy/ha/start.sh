#!/usr/bin/env bash
# Starts the local HA deployment on 127.0.0.1, each part a process of its own with
# its data under var/ha:
#   ZooKeeper (Debian's zookeeper package)              127.0.0.1:19281
#   ClickHouse replica ch1 / ch2 (one shard, two replicas) tcp 19221 / 19231
#   chitieu servers web1 / web2 (CHITIEU_CLUSTER=true)  8401 / 8402
#   haproxy in front of web1 and web2                   8480 (stats on 8481)
# The chitieu servers reach ClickHouse through the driver's address list
# (CLICKHOUSE_ADDR=ch1,ch2), not through a balancer: see deploy/README.md.
# Usage: deploy/ha/start.sh [component...]  (zk chN web1 web2 lb; default zk, $HA_REPLICAS,
# web1 web2 lb). Any chN can be started (ch3, ch4: a replica added later); its ports are
# 19211+10N (tcp), +1 (http), +2 (interserver), all shifted by HA_PORT_OFFSET.
# Missing packages (zookeeper, haproxy, clickhouse, faketime) are installed with apt.
# For the fault cases a replica can be started with CH_ZK_PORT (its ZooKeeper address,
# e.g. through a proxy the case cuts) and CH_WRAP (e.g. faketime) set.
set -euo pipefail
. "$(dirname "$0")/env.sh"
mkdir -p "$HA_DIR"

install_missing() {
  local need=()
  [ -e /usr/share/java/zookeeper.jar ] || need+=(zookeeper)
  command -v java >/dev/null || need+=(default-jre-headless)
  command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || need+=(haproxy)
  [ -x /usr/bin/clickhouse-server ] || [ -x /usr/sbin/clickhouse-server ] || need+=(clickhouse-server)
  command -v clickhouse-client >/dev/null || need+=(clickhouse-client)
  command -v curl >/dev/null || need+=(curl)
  command -v faketime >/dev/null || need+=(faketime)
  [ ${#need[@]} -eq 0 ] && return 0
  echo "ha: installing ${need[*]}"
  local sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

running() { [ -f "$HA_DIR/$1.pid" ] && kill -0 "$(cat "$HA_DIR/$1.pid")" 2>/dev/null; }

wait_for() { # name, command...
  local name=$1; shift
  for _ in $(seq 1 120); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    running "$name" || break
    sleep 0.5
  done
  echo "ha: $name did not come up within 60 s; see $HA_DIR/$name*.log" >&2
  return 1
}

# "srvr" names the mode only once ZooKeeper serves sessions ("ruok" answers earlier).
zk_ok() { exec 3<>/dev/tcp/127.0.0.1/$ZK_PORT && echo srvr >&3 && grep -q '^Mode: ' <&3; }

start_zk() {
  running zk && return 0
  local d="$HA_DIR/zk"
  mkdir -p "$d/data"
  cat > "$d/zoo.cfg" <<CFG
tickTime=500
# Sessions may last 2-60 s whatever the tick (default cap 20 ticks = 10 s); the replicas
# ask 30 s (replica-config.xml), so a ZooKeeper restart under 30 s keeps their sessions.
minSessionTimeout=2000
maxSessionTimeout=60000
initLimit=10
syncLimit=5
dataDir=$d/data
clientPort=$ZK_PORT
clientPortAddress=127.0.0.1
admin.enableServer=false
4lw.commands.whitelist=ruok,srvr,cons
CFG
  setsid java -Xmx256m -Dzookeeper.log.dir="$d" -cp "/etc/zookeeper/conf_example:/usr/share/java/zookeeper.jar" \
    org.apache.zookeeper.server.ZooKeeperServerMain "$d/zoo.cfg" >"$HA_DIR/zk.log" 2>&1 </dev/null &
  echo $! > "$HA_DIR/zk.pid"
  wait_for zk zk_ok
  echo "ha: zk on 127.0.0.1:$ZK_PORT"
}

start_ch() { # chN: any replica, its ports from its number (env.sh ch_port)
  local name=$1 tcp http inter
  running "$name" && return 0
  tcp=$(ch_port "$name" tcp) http=$(ch_port "$name" http) inter=$(ch_port "$name" inter)
  local d="$HA_DIR/$name"
  mkdir -p "$d/data" "$d/tmp" "$d/log"
  sed -e "s#DATA#$d#g" -e "s#HTTP_PORT#$http#" -e "s#TCP_PORT#$tcp#" -e "s#INTERSERVER_PORT#$inter#" \
    -e "s#ZK_PORT#${CH_ZK_PORT:-$ZK_PORT}#" -e "s#REPLICA#$name#" "$top/deploy/clickhouse/cluster/replica-config.xml" > "$d/config.xml"
  local server
  server=$(command -v clickhouse-server || echo /usr/sbin/clickhouse-server)
  # ClickHouse 18.16 exits when ZooKeeper does not answer while it attaches its
  # replicated tables (a ZooKeeper just restarted may still refuse sessions): try again.
  for attempt in 1 2 3; do
    # CH_WRAP: a command the server runs under (hacheck: faketime, for a skewed clock).
    setsid ${CH_WRAP:-} "$server" --config-file="$d/config.xml" >"$HA_DIR/$name.log" 2>&1 </dev/null &
    echo $! > "$HA_DIR/$name.pid"
    if wait_for "$name" clickhouse-client --port "$tcp" --query "SELECT 1" 2>/dev/null; then
      echo "ha: $name on 127.0.0.1:$tcp"
      return 0
    fi
    echo "ha: $name exited (attempt $attempt); see $d/log/err.log" >&2
    sleep 2
  done
  return 1
}

admin_password() {
  if [ -n "${HA_ADMIN_PASSWORD:-}" ]; then echo "$HA_ADMIN_PASSWORD"; return; fi
  [ -f "$HA_DIR/admin-password" ] || head -c 12 /dev/urandom | base64 | tr -d '/+=' > "$HA_DIR/admin-password"
  cat "$HA_DIR/admin-password"
}

web_env() { # port: the settings of a chitieu server, as NAME=value words for env
  echo CLICKHOUSE_ADDR="$CH_ADDRS" CLICKHOUSE_DATABASE="$CH_DATABASE" CHITIEU_CLUSTER=true \
    CHITIEU_ADDR="127.0.0.1:$1" CHITIEU_TRUSTED_PROXIES=127.0.0.1 CHITIEU_ADMIN_PASSWORD="$(admin_password)" \
    CHITIEU_UPLOAD_LIMIT_MB="${CHITIEU_UPLOAD_LIMIT_MB:-100}" CHITIEU_LOG_LEVEL="${CHITIEU_LOG_LEVEL:-warn}"
}

build() {
  [ -x "$BIN" ] && [ -z "$(find "$top" -name '*.go' -newer "$BIN" -print -quit)" ] && return 0
  (cd "$top" && go build -o "$BIN" ./cmd/chitieu)
}

start_web() { # web1|web2
  local name=$1 port
  running "$name" && return 0
  [ "$name" = web1 ] && port=$WEB1 || port=$WEB2
  build
  setsid env $(web_env "$port") "$BIN" serve >>"$HA_DIR/$name.log" 2>&1 </dev/null &
  echo $! > "$HA_DIR/$name.pid"
  wait_for "$name" curl -fsS "http://127.0.0.1:$port/readyz"
  echo "ha: $name on 127.0.0.1:$port"
}

# Demo data once, into the replicated tables (the first time only).
load_demo() {
  [ -f "$HA_DIR/demo-loaded" ] && return 0
  build
  env $(web_env 0) "$BIN" demo >"$HA_DIR/demo.log" 2>&1
  touch "$HA_DIR/demo-loaded"
  echo "ha: demo data loaded"
}

start_lb() {
  running lb && return 0
  sed -e "s#LB_PORT#$LB_PORT#" -e "s#LB_STATS#$LB_STATS#" -e "s#WEB1_PORT#$WEB1#" -e "s#WEB2_PORT#$WEB2#" \
    -e "s#ERRDIR#$top/deploy/ha/errors#g" "$top/deploy/ha/haproxy.cfg" > "$HA_DIR/haproxy.cfg"
  local hp
  hp=$(command -v haproxy || echo /usr/sbin/haproxy)
  setsid "$hp" -db -f "$HA_DIR/haproxy.cfg" >"$HA_DIR/lb.log" 2>&1 </dev/null &
  echo $! > "$HA_DIR/lb.pid"
  wait_for lb curl -fsS "http://127.0.0.1:$LB_PORT/healthz"
  echo "ha: haproxy on 127.0.0.1:$LB_PORT (stats http://127.0.0.1:$LB_STATS/)"
}

parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(zk $HA_REPLICAS web1 web2 lb)
install_missing
for p in "${parts[@]}"; do
  case $p in
    zk) start_zk ;;
    ch[0-9]) start_ch "$p" ;;
    web1|web2)
      up=0; for r in $HA_REPLICAS; do running "$r" && up=1; done
      [ $up = 1 ] || { echo "ha: start a replica ($HA_REPLICAS) first" >&2; exit 1; }
      load_demo; start_web "$p" ;;
    lb) start_lb ;;
    *) echo "ha: unknown component $p (zk ch1..ch9 web1 web2 lb)" >&2; exit 2 ;;
  esac
done
if [ $# -eq 0 ]; then
  echo "ha: open http://127.0.0.1:$LB_PORT/ and sign in as admin with the password in ${HA_DIR#$top/}/admin-password"
fi
