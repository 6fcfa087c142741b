package queries

import (
	"context"
	"fmt"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"time"
)

// uploadRank orders the rows of one upload id, best first: the commit marker, then a
// final outcome (rejected, duplicate, dry run, failed), then pending; among equals the
// fuller record (a direct write's marker has no name or report).
const uploadRank = `(multiIf(outcome = 'accepted', 3, outcome = 'pending', 1, 2) * 1099511627776
	+ length(report) + length(file_name))`

// Outcomes of an attempt that did not (yet) commit.
const (
	UploadPending = "pending" // recorded before the figures; stays so if the writer died
	UploadFailed  = "failed"  // the writer saw an error before its commit marker
)

// commitDirect writes commit markers for writes that come from no file (direct
// InsertFigures, a withdrawal): one INSERT of one accepted row per upload id.
func (s *Store) commitDirect(ctx context.Context, ids []string, by string) error {
	now := time.Now().UTC()
	if err := s.insertRowsRaw(ctx, `INSERT INTO uploads (id, file_name, size, sha256, agency, year, row_count, outcome,
		report, uploaded_by, uploaded_at, source_kind)`, len(ids), func(i int) []any {
		return []any{ids[i], "", uint64(0), "", "", uint16(0), uint32(0), UploadAccepted, "", by, now, "direct"}
	}); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	s.changes.n.Add(1)
	return nil
}

// UploadCommitted reports whether the upload has its commit marker.
// On a cluster it is a quorum read: a marker acknowledged elsewhere counts.
func (s *Store) UploadCommitted(ctx context.Context, id string) (bool, error) {
	got, err := quorumRead(ctx, s, func(ctx context.Context, c driver.Conn) (uint64, error) {
		var n uint64
		err := c.QueryRow(ctx, `SELECT count() FROM uploads WHERE id = ? AND outcome = 'accepted'`, id).Scan(&n)
		return n, err
	})
	if err != nil {
		return false, fmt.Errorf("upload committed: %w", err)
	}
	for _, n := range got {
		if n > 0 {
			return true, nil
		}
	}
	return false, nil
}

// FigureRowsOfUpload counts the figure rows carrying an upload id, committed or not:
// for tests and for finding the rows of dead attempts.
func (s *Store) FigureRowsOfUpload(ctx context.Context, id string) (uint64, error) {
	var n uint64
	if err := s.conn.QueryRow(ctx, `SELECT count() FROM figures WHERE upload_id = ?`, id).Scan(&n); err != nil {
		return 0, fmt.Errorf("figure rows of upload: %w", err)
	}
	return n, nil
}

// PurgeDeadAttempts deletes the rows of uploads that never reached their commit
// marker and whose writer is gone: every claim the attempt held (upload_claims.upload_id)
// is released, or was last renewed more than after ago. Both times are ClickHouse's
// clock, in one query: never a web host's clock against ClickHouse's. Safe once after
// is past the claim lapse (callers use twice it): a writer never commits once half the
// lapse has gone without a renewal. Attempts recorded before claims named their upload
// (release 0600) are left alone: invisible, they only take space. The deletes are
// ClickHouse mutations, run in the background; each attempt is purged once (a 'purged'
// record says so). It returns the ids purged.
func (s *Store) PurgeDeadAttempts(ctx context.Context, after time.Duration) ([]string, error) {
	secs := int64(after / time.Second)
	rows, err := s.conn.Query(ctx, `SELECT id FROM uploads WHERE outcome IN ('pending', 'failed')
		AND id NOT IN (SELECT id FROM uploads WHERE outcome = 'accepted' OR source_kind = 'purged')
		AND id IN (SELECT upload_id FROM upload_claims WHERE upload_id != '')
		AND id NOT IN (SELECT upload_id FROM upload_claims WHERE upload_id != '' AND claimed_at >= now() - ?
			GROUP BY claim, upload_id HAVING max(released) = 0 AND toInt64(now()) - toInt64(max(claimed_at)) <= ?)
		GROUP BY id ORDER BY id LIMIT 1000`, secs, secs)
	if err != nil {
		return nil, fmt.Errorf("find dead attempts: %w", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(ids) == 0 {
		return nil, err
	}
	for _, table := range []string{"figures", "submissions"} {
		if err := s.conn.Exec(ctx, "ALTER TABLE "+table+" DELETE WHERE upload_id IN ?", inSet(ids)); err != nil {
			return nil, fmt.Errorf("purge dead attempts from %s: %w", table, err)
		}
	}
	now := time.Now().UTC()
	if err := s.insertRowsRaw(ctx, `INSERT INTO uploads (id, file_name, size, sha256, agency, year, row_count, outcome,
		report, uploaded_by, uploaded_at, source_kind)`, len(ids), func(i int) []any {
		return []any{ids[i], "", uint64(0), "", "", uint16(0), uint32(0), UploadFailed, "", "", now, "purged"}
	}); err != nil {
		return nil, fmt.Errorf("record purged attempts: %w", err)
	}
	return ids, nil
}
