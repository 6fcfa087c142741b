# Ports and paths of the local HA deployment; sourced by start.sh, stop.sh and test.sh.
# Everything listens on 127.0.0.1; data lives in var/ha inside the checkout.
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HA_DIR=${HA_DIR:-$top/var/ha}
ZK_PORT=19281
CH1_TCP=19221 CH1_HTTP=19222 CH1_INTER=19223
CH2_TCP=19231 CH2_HTTP=19232 CH2_INTER=19233
WEB1=8401 WEB2=8402
LB_PORT=8480 LB_STATS=8481
CH_ADDRS="127.0.0.1:$CH1_TCP,127.0.0.1:$CH2_TCP"
CH_DATABASE=${CH_DATABASE:-chitieu}
BIN=$top/bin/chitieu
