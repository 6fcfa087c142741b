#!/usr/bin/env bash
# A logical backup of one chitieu database: each table's rows in ClickHouse's Native
# format (one file per table, typed, compressed by the client) plus each table's
# CREATE statement, read from one replica. The same commands work on 18.16 and current
# releases and need no access to the server's disk. The migration tables are left out:
# `chitieu migrate` makes them on the cluster restored into. On a cluster, the replica
# first fetches what it lacks (SYSTEM SYNC REPLICA), so the backup holds every
# acknowledged write whichever replica it is read from.
# Usage: deploy/clickhouse/backup.sh HOST:PORT DATABASE DIR
set -euo pipefail
addr=${1:?HOST:PORT}; db=${2:?DATABASE}; dir=${3:?DIR}
host=${addr%:*}; port=${addr##*:}
cli() { clickhouse-client --host "$host" --port "$port" "$@"; }
mkdir -p "$dir"
tables=$(cli --query "SELECT name FROM system.tables WHERE database = '$db' AND name NOT LIKE 'schema_migration%' ORDER BY name")
for t in $tables; do
  # A replica still fetching (just rebuilt, or back from an outage) would back up less
  # than the cluster holds: it first fetches everything the others have.
  engine=$(cli --query "SELECT engine FROM system.tables WHERE database = '$db' AND name = '$t'")
  case $engine in
    Replicated*) cli --receive_timeout 600 --query "SYSTEM SYNC REPLICA \`$db\`.\`$t\`" ;;
  esac
  cli --query "SHOW CREATE TABLE \`$db\`.\`$t\`" --format TSVRaw > "$dir/$t.sql"
  cli --query "SELECT * FROM \`$db\`.\`$t\` FORMAT Native" > "$dir/$t.native"
  echo "$t $(cli --query "SELECT count() FROM \`$db\`.\`$t\`")" >> "$dir/counts.txt.new"
done
mv "$dir/counts.txt.new" "$dir/counts.txt"
echo "backup: $(echo "$tables" | wc -w) tables of $db from $addr in $dir ($(du -sh "$dir" | cut -f1))"
