#!/usr/bin/env bash
# Loads a backup made by backup.sh into DATABASE through one replica. Run
# `CHITIEU_CLUSTER=true chitieu migrate` on the new cluster first (it creates the
# tables and records the migrations); the rows then replicate to every replica by
# themselves. A table that already holds rows (the seed a migration wrote) is loaded only
# when it is versioned (…ReplacingMergeTree: a row restored twice is one row to every
# reader); any other table holding rows is left alone, so nothing is ever doubled.
# Usage: deploy/clickhouse/restore.sh HOST:PORT DATABASE DIR
set -euo pipefail
addr=${1:?HOST:PORT}; db=${2:?DATABASE}; dir=${3:?DIR}
host=${addr%:*}; port=${addr##*:}
cli() { clickhouse-client --host "$host" --port "$port" "$@"; }
[ -f "$dir/counts.txt" ] || { echo "restore: $dir/counts.txt missing: not a finished backup" >&2; exit 1; }
while read -r t n; do
  [ "$n" = 0 ] && continue
  have=$(cli --query "SELECT count() FROM \`$db\`.\`$t\`")
  if [ "$have" != 0 ]; then
    engine=$(cli --query "SELECT engine FROM system.tables WHERE database = '$db' AND name = '$t'")
    case $engine in
      *ReplacingMergeTree) ;;
      *) echo "restore: $db.$t already holds $have rows; left alone" >&2; continue ;;
    esac
  fi
  cli --query "INSERT INTO \`$db\`.\`$t\` FORMAT Native" < "$dir/$t.native"
  got=$(cli --query "SELECT count() FROM \`$db\`.\`$t\`")
  [ "$got" -ge "$n" ] || { echo "restore: $db.$t has $got rows, the backup $n" >&2; exit 1; }
done < "$dir/counts.txt"
echo "restore: $(wc -l < "$dir/counts.txt") tables into $db on $addr"
