package queries

import (
	"context"
	"fmt"
)

// ChangeStamp is a cheap fingerprint of everything stored in the database: every
// INSERT (figures, targets, catalogue edits, submissions) adds a data part, so the
// count and size of the active parts change. Merges change it too, which only costs
// a cache refresh. It reads ClickHouse's part metadata, never the data, so it costs
// the same at 50 rows and at 10 million. Its error wraps the driver's.
func (s *Store) ChangeStamp(ctx context.Context) (string, error) {
	var parts, rows, bytes, modified uint64
	err := s.conn.QueryRow(ctx, `SELECT count(), sum(rows), sum(bytes), toUInt64(max(modification_time))
		FROM system.parts WHERE database = ? AND active`, s.database).Scan(&parts, &rows, &bytes, &modified)
	if err != nil {
		return "", fmt.Errorf("change stamp: %w", err)
	}
	return fmt.Sprintf("%d/%d/%d/%d", parts, rows, bytes, modified), nil
}

// RealDataVersion is DataVersion for what the dashboard shows: synthetic figures
// (never shown) are left out, which lets ClickHouse read only the real rows (the
// figures' sort key starts with synthetic), so it stays cheap at any synthetic scale.
// Its error wraps the driver's.
func (s *Store) RealDataVersion(ctx context.Context) (uint64, error) {
	var v uint64
	// greatest takes two arguments on ClickHouse 18.16, hence the nesting.
	err := s.conn.QueryRow(ctx, `SELECT greatest(greatest(
		(SELECT max(version) FROM figures WHERE synthetic = 0),
		(SELECT max(version) FROM targets)),
		(SELECT max(version) FROM submissions))`).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("real data version: %w", err)
	}
	return v, nil
}
