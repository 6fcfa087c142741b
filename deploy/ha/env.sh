# Ports and paths of the local HA deployment; sourced by start.sh, stop.sh and test.sh.
# Everything listens on 127.0.0.1; data lives in var/ha inside the checkout.
# HA_PORT_OFFSET (default 0) shifts every port, so two checkouts can run a deployment each.
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HA_DIR=${HA_DIR:-$top/var/ha}
off=${HA_PORT_OFFSET:-0}
ZK_PORT=$((19281 + off))
CH1_TCP=$((19221 + off)) CH1_HTTP=$((19222 + off)) CH1_INTER=$((19223 + off))
CH2_TCP=$((19231 + off)) CH2_HTTP=$((19232 + off)) CH2_INTER=$((19233 + off))
WEB1=$((8401 + off)) WEB2=$((8402 + off))
LB_PORT=$((8480 + off)) LB_STATS=$((8481 + off))
# ch_port NAME KIND: a replica's port (KIND tcp, http or inter) by its number: chN uses
# 19211+10N, +1, +2: ch1 19221, ch2 19231, ch3 19241, ch4 19251 (plus HA_PORT_OFFSET).
ch_port() {
  local n=${1#ch} k=0
  case $2 in http) k=1 ;; inter) k=2 ;; esac
  echo $((19211 + 10 * n + k + off))
}
# HA_REPLICAS: the replicas start.sh starts and every server's CLICKHOUSE_ADDR lists.
HA_REPLICAS=${HA_REPLICAS:-"ch1 ch2 ch3"}
ch_addrs() { local a="" r; for r in "$@"; do a="$a${a:+,}127.0.0.1:$(ch_port "$r" tcp)"; done; echo "$a"; }
CH_ADDRS=${CH_ADDRS:-$(ch_addrs $HA_REPLICAS)}
CH_DATABASE=${CH_DATABASE:-chitieu}
BIN=$top/bin/chitieu
export HA_DIR HA_PORT_OFFSET=$off HA_REPLICAS
