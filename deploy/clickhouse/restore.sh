#!/usr/bin/env bash
# Loads a backup made by backup.sh into DATABASE through one replica. Run
# `CHITIEU_CLUSTER=true chitieu migrate` on the new cluster first (it creates the
# tables and records the migrations); the rows then replicate to every replica by
# themselves. Refuses a table that already holds rows, so it never doubles data.
# Usage: deploy/clickhouse/restore.sh HOST:PORT DATABASE DIR
set -euo pipefail
addr=${1:?HOST:PORT}; db=${2:?DATABASE}; dir=${3:?DIR}
host=${addr%:*}; port=${addr##*:}
cli() { clickhouse-client --host "$host" --port "$port" "$@"; }
[ -f "$dir/counts.txt" ] || { echo "restore: $dir/counts.txt missing: not a finished backup" >&2; exit 1; }
while read -r t n; do
  have=$(cli --query "SELECT count() FROM \`$db\`.\`$t\`")
  if [ "$have" != 0 ]; then
    echo "restore: $db.$t already holds $have rows; left alone" >&2
    continue
  fi
  cli --query "INSERT INTO \`$db\`.\`$t\` FORMAT Native" < "$dir/$t.native"
  got=$(cli --query "SELECT count() FROM \`$db\`.\`$t\`")
  [ "$got" = "$n" ] || { echo "restore: $db.$t has $got rows, the backup $n" >&2; exit 1; }
done < "$dir/counts.txt"
echo "restore: $(wc -l < "$dir/counts.txt") tables into $db on $addr"
