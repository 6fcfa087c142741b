package queries

import (
	"context"
	"fmt"
)

// RealDataVersion is DataVersion for what the dashboard shows: synthetic figures
// (never shown) are left out, which lets ClickHouse read only the real rows (the
// figures' sort key starts with synthetic), so it stays cheap at any synthetic scale.
// Only committed uploads count. Its error wraps the driver's.
func (s *Store) RealDataVersion(ctx context.Context) (uint64, error) {
	var v uint64
	// greatest takes two arguments on ClickHouse 18.16, hence the nesting.
	err := s.conn.QueryRow(ctx, `SELECT greatest(greatest(
		(SELECT max(version) FROM figures WHERE synthetic = 0 AND `+committed+`),
		(SELECT max(version) FROM targets)),
		(SELECT max(version) FROM submissions WHERE `+committedSubmission+`))`).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("real data version: %w", err)
	}
	return v, nil
}
