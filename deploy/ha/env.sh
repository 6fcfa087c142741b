# Ports and paths of the local HA deployment; sourced by start.sh, stop.sh and test.sh.
# Everything listens on 127.0.0.1; data lives in var/ha inside the checkout.
# HA_PORT_OFFSET (default 0) shifts every port, so two checkouts can run a deployment each.
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HA_DIR=${HA_DIR:-$top/var/ha}
off=${HA_PORT_OFFSET:-0}
ZK_PORT=$((19281 + off))
CH1_TCP=$((19221 + off)) CH1_HTTP=$((19222 + off)) CH1_INTER=$((19223 + off))
CH2_TCP=$((19231 + off)) CH2_HTTP=$((19232 + off)) CH2_INTER=$((19233 + off))
CH3_TCP=$((19241 + off)) CH3_HTTP=$((19242 + off)) CH3_INTER=$((19243 + off))
WEB1=$((8401 + off)) WEB2=$((8402 + off))
LB_PORT=$((8480 + off)) LB_STATS=$((8481 + off))
CH_ADDRS="127.0.0.1:$CH1_TCP,127.0.0.1:$CH2_TCP,127.0.0.1:$CH3_TCP"
CH_DATABASE=${CH_DATABASE:-chitieu}
BIN=$top/bin/chitieu
export HA_DIR HA_PORT_OFFSET=$off
