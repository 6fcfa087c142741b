package queries

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"time"
)

// quietTables are the tables whose writes change nothing a page or report file shows:
// sign-ins, sessions, the audit trail, write claims and the migrations' own
// bookkeeping. A write to any other table is a data change the page cache and the
// report exports must see, so a new table can never be forgotten. Every write goes
// through insertRows, which notes it; uploads' commit markers are counted by
// ChangeStamp instead.
var quietTables = map[string]bool{
	"sessions": true, "signin_attempts": true, "audit_log": true, "upload_claims": true,
	"schema_migrations": true, "schema_migration_claims": true, "data_changes": true,
}

// isDataChange says whether a write to table changes what readers see.
func isDataChange(table string) bool { return table != "" && !quietTables[table] }

// insertTable is the table an "INSERT INTO t (...)" statement writes.
func insertTable(query string) string {
	rest, ok := strings.CutPrefix(strings.TrimSpace(query), "INSERT INTO ")
	if !ok {
		return ""
	}
	name, _, _ := strings.Cut(strings.TrimSpace(rest), " ")
	return strings.TrimSuffix(name, "(")
}

// changes counts the data changes this process wrote, so the page cache of a server
// sees its own writes at once without asking ClickHouse.
type changeCounter struct{ n atomic.Uint64 }

// LocalChanges counts the data changes written through this store (this process) so
// far: a page cache compares it on every request, for free.
func (s *Store) LocalChanges() uint64 { return s.changes.n.Load() }

// noteChange records a write to a shown table in data_changes, for every other server,
// and bumps this process's counter. The data is already written when it runs: a cache
// that sees the change and rebuilds reads the new data.
func (s *Store) noteChange(ctx context.Context, table string, rows int) error {
	defer s.changes.n.Add(1)
	err := s.insertRowsRaw(ctx, "INSERT INTO data_changes (ns, tbl, rows)", 1, func(int) []any {
		return []any{uint64(time.Now().UnixNano()), table, uint64(rows)}
	})
	if err != nil {
		return fmt.Errorf("note data change: %w", err)
	}
	return nil
}

// ChangeStamp fingerprints the data every page shows: how many changes were noted and
// the newest, and how many uploads are committed (a commit marker changes what readers
// see without a write to a shown table). The same on every replica, unlike part
// metadata, and cheap: both tables hold one small row per write. Its error wraps the
// driver's.
//
// On a replica it also counts the parts this replica still has to fetch
// (system.replicas inserts_in_queue; always 0 on a single node). A commit marker can
// arrive before its figures: the stamp moves then, and moves again once the figures
// are here, so a page built in between is not kept. The figures' fetch is queued
// before the marker is (the replication log is read in order), so a marker present
// with its figures missing always shows in the count.
func (s *Store) ChangeStamp(ctx context.Context) (string, error) {
	var changes, newest, commits, fetching uint64
	err := s.conn.QueryRow(ctx, `SELECT (SELECT count() FROM data_changes), (SELECT max(ns) FROM data_changes),
		(SELECT count() FROM uploads WHERE outcome = 'accepted'),
		(SELECT toUInt64(sum(inserts_in_queue)) FROM system.replicas WHERE database = ?)`, s.database).
		Scan(&changes, &newest, &commits, &fetching)
	if err != nil {
		return "", fmt.Errorf("change stamp: %w", err)
	}
	return fmt.Sprintf("%d/%d/%d/%d", changes, newest, commits, fetching), nil
}
